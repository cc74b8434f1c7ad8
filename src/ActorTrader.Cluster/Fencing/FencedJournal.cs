using ActorTrader.Cluster.Leases;
using ActorTrader.Persistence.Journal;

namespace ActorTrader.Cluster.Fencing;

/// <summary>
/// A journal that stamps every write in a lease's scope with the epoch this node holds the lease at, so the database's
/// fencing trigger can refuse a writer that lost the lease. A write in the scope of a lease this node does not hold
/// fails here, before any round trip. Writes outside every scope pass unchanged.
/// </summary>
public sealed class FencedJournal(IJournal inner, LeaseEpochs epochs) : IJournal
{
    private readonly IJournal _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly LeaseEpochs _epochs = epochs ?? throw new ArgumentNullException(nameof(epochs));

    public Task StartAsync(CancellationToken cancellationToken = default) => _inner.StartAsync(cancellationToken);

    public Task WriteAsync(IReadOnlyList<PersistentRepr> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return _inner.WriteAsync(events, cancellationToken);
        var stamped = new PersistentRepr[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var lease = _epochs.LeaseFor(e.PersistenceId);
            if (lease is null)
            {
                stamped[i] = e;
                continue;
            }

            if (_epochs.EpochOf(lease) is not { } epoch)
            {
                // Faulted task rather than a throw: callers see the refusal where they await the write, like the database's.
                return Task.FromException(new JournalFencedException(
                    $"'{e.PersistenceId}' is fenced by lease '{lease}', which this node does not hold; events {events[0].SequenceNr}..{events[^1].SequenceNr} were not written. " +
                    "Another node owns the actor (or this node lost the lease). Fix: none needed, the lease holder recovers from the journal.")
                {
                    PersistenceId = e.PersistenceId,
                });
            }

            stamped[i] = e with { Epoch = epoch };
        }

        return _inner.WriteAsync(stamped, cancellationToken);
    }

    public IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default) =>
        _inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken);

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default) =>
        _inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
        _inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
