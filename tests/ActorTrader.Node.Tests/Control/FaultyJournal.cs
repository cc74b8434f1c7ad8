using System.Runtime.CompilerServices;
using ActorTrader.Persistence.Journal;

namespace ActorTrader.Node.Tests.Control;

/// <summary>A journal that fails writes or replays on demand, and counts what was written.</summary>
internal sealed class FaultyJournal(IJournal inner) : IJournal
{
    private readonly Dictionary<string, int> _written = new(StringComparer.Ordinal);

    public bool FailWrites { get; set; }

    public bool FailReplays { get; set; }

    public int EventsOf(string persistenceId)
    {
        lock (_written) return _written.GetValueOrDefault(persistenceId);
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public async Task WriteAsync(IReadOnlyList<PersistentRepr> events, CancellationToken cancellationToken = default)
    {
        if (FailWrites) throw new PersistenceStoreException("simulated: the disk is full");
        await inner.WriteAsync(events, cancellationToken);
        lock (_written)
        {
            foreach (var e in events) _written[e.PersistenceId] = _written.GetValueOrDefault(e.PersistenceId) + 1;
        }
    }

    public async IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (FailReplays) throw new PersistenceStoreException("simulated: the database file is not a database");
        await foreach (var e in inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken)) yield return e;
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default) =>
        inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
        inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
