using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Serialization;

namespace ActorTrader.Benchmarks.Persistence;

/// <summary>Journal rows as the store would write them for <see cref="BenchEvent"/>s: for seeding recovery and for the raw-insert baselines.</summary>
internal static class JournalRows
{
    /// <summary><paramref name="eventsPerId"/> rows, sequence numbers 1..n, for each id, ids interleaved as concurrent writers would be.</summary>
    public static IReadOnlyList<PersistentRepr> For(EventSerializer serializer, IReadOnlyList<string> persistenceIds, int eventsPerId)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(persistenceIds);
        var writerId = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        var rows = new List<PersistentRepr>(persistenceIds.Count * eventsPerId);
        for (var sequenceNr = 1L; sequenceNr <= eventsPerId; sequenceNr++)
        {
            foreach (var id in persistenceIds)
            {
                var payload = serializer.Serialize(BenchEvent.Sample(sequenceNr), id, sequenceNr);
                rows.Add(new PersistentRepr(id, sequenceNr, payload.Manifest, payload.Bytes, now, [], writerId));
            }
        }
        return rows;
    }

    /// <summary>Fresh persistence ids that no earlier sample used.</summary>
    public static string[] FreshIds(string prefix, int count)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        return Enumerable.Range(0, count).Select(i => $"{prefix}-{run}-{i}").ToArray();
    }
}
