using System.Runtime.CompilerServices;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Journal;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>
/// A journal whose writes fail, as a full disk would: every write while <see cref="Failing"/> is set, and each write
/// <see cref="FailWhen"/> picks (e.g. one persistence id's second write).
/// </summary>
internal sealed class FailingJournal(IJournal inner) : IJournal
{
    private volatile bool _failing;
    private volatile Func<IReadOnlyList<PersistentRepr>, bool>? _failWhen;

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    /// <summary>Called for each write (one atomic batch); true fails it. Null = only <see cref="Failing"/> decides.</summary>
    public Func<IReadOnlyList<PersistentRepr>, bool>? FailWhen
    {
        get => _failWhen;
        set => _failWhen = value;
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task WriteAsync(IReadOnlyList<PersistentRepr> events, CancellationToken cancellationToken = default) =>
        _failing || _failWhen?.Invoke(events) == true
            ? throw new PersistenceStoreException("simulated: the disk is full")
            : inner.WriteAsync(events, cancellationToken);

    public async IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken)) yield return e;
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default) =>
        inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
        inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
