using ActorTrader.Persistence.Journal;

namespace ActorTrader.Trading.Tests.Fakes;

/// <summary>A journal in front of another that can hold writes back (<see cref="Hold"/> / <see cref="Release"/>), to look at what an actor does before its event is durable.</summary>
public sealed class GatedJournal(IJournal inner) : IJournal
{
    private readonly TaskCompletionSource _writeArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _gate;

    /// <summary>Completes when the first write reaches this journal (held or not).</summary>
    public Task WriteArrived => _writeArrived.Task;

    /// <summary>Writes from now on wait until <see cref="Release"/>.</summary>
    public void Hold() => Interlocked.Exchange(ref _gate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Release() => Interlocked.Exchange(ref _gate, null)?.TrySetResult();

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public async Task WriteAsync(IReadOnlyList<PersistentRepr> events, CancellationToken cancellationToken = default)
    {
        _writeArrived.TrySetResult();
        if (Volatile.Read(ref _gate) is { } gate) await gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        await inner.WriteAsync(events, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default) =>
        inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken);

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default) =>
        inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
        inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
