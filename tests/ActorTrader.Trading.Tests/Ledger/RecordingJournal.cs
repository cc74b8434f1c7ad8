using System.Runtime.CompilerServices;
using ActorTrader.Persistence.Journal;

namespace ActorTrader.Trading.Tests.Ledger;

/// <summary>What a <see cref="RecordingJournal"/> saw, and whether its replays fail.</summary>
internal sealed class JournalCounters
{
    private int _written;
    private int _replayed;

    public bool FailReplays { get; set; }

    /// <summary>Events written since the journal was created.</summary>
    public int Written => Volatile.Read(ref _written);

    /// <summary>Events handed out by replays since the journal was created.</summary>
    public int Replayed => Volatile.Read(ref _replayed);

    public void AddWritten(int count) => Interlocked.Add(ref _written, count);

    public void AddReplayed() => Interlocked.Increment(ref _replayed);
}

/// <summary>A journal that counts what it writes and replays, and fails replays on demand.</summary>
internal sealed class RecordingJournal(IJournal inner, JournalCounters counters) : IJournal
{
    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public async Task WriteAsync(IReadOnlyList<PersistentRepr> events, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(events, cancellationToken);
        counters.AddWritten(events.Count);
    }

    public async IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (counters.FailReplays) throw new PersistenceStoreException("simulated: the journal file is not a database");
        await foreach (var e in inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken))
        {
            counters.AddReplayed();
            yield return e;
        }
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default) =>
        inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
        inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
