using ActorTrader.Persistence.Journal;

namespace ActorTrader.Persistence.Sql;

/// <summary>One <see cref="IJournal.WriteAsync"/> call waiting for the writer loop: its events and the task its caller awaits.</summary>
internal sealed class PendingJournalWrite
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PendingJournalWrite(IReadOnlyList<PersistentRepr> events, CancellationToken cancellationToken)
    {
        Events = events;
        CancellationToken = cancellationToken;
    }

    public IReadOnlyList<PersistentRepr> Events { get; }

    public string PersistenceId => Events[0].PersistenceId;

    public long FirstSequenceNr => Events[0].SequenceNr;

    public long LastSequenceNr => Events[^1].SequenceNr;

    /// <summary>Only honoured while the write is still queued; once in a transaction it runs to its outcome.</summary>
    public CancellationToken CancellationToken { get; }

    public Task Completion => _completion.Task;

    internal void Succeed() => _completion.TrySetResult();

    internal void Fail(Exception exception) => _completion.TrySetException(exception);

    internal void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
