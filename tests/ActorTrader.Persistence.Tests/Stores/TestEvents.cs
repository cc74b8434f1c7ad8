using System.Text;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Persistence.Tests.Stores;

/// <summary>Journal rows and snapshots with recognisable contents, and comparisons field by field.</summary>
public static class TestEvents
{
    public const string Manifest = "test.Event.v1";

    private static readonly DateTimeOffset Start = new(2024, 3, 1, 14, 30, 0, TimeSpan.Zero);

    public static PersistentRepr Event(string persistenceId, long sequenceNr, params string[] tags) =>
        new(persistenceId, sequenceNr, Manifest, Payload(persistenceId, sequenceNr), TimestampOf(sequenceNr), tags, "writer-1", Epoch: 3);

    public static IReadOnlyList<PersistentRepr> Events(string persistenceId, long from, long to, params string[] tags) =>
        [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(n => Event(persistenceId, n, tags))];

    public static byte[] Payload(string persistenceId, long sequenceNr) => Encoding.UTF8.GetBytes($"{persistenceId}#{sequenceNr}");

    // Sub-millisecond ticks on purpose: timestamps must round-trip to the tick.
    public static DateTimeOffset TimestampOf(long sequenceNr) => Start.AddTicks(sequenceNr * 10_000_001);

    public static SnapshotRow Snapshot(string persistenceId, long sequenceNr, DateTimeOffset? timestamp = null, string manifest = "test.State.v1") =>
        new(new SnapshotMetadata(persistenceId, sequenceNr, timestamp ?? TimestampOf(sequenceNr)), manifest, Encoding.UTF8.GetBytes($"state of {persistenceId} at {sequenceNr}"));

    public static void AssertSame(PersistentRepr expected, PersistentRepr actual)
    {
        Assert.Equal(expected.PersistenceId, actual.PersistenceId);
        Assert.Equal(expected.SequenceNr, actual.SequenceNr);
        Assert.Equal(expected.Manifest, actual.Manifest);
        Assert.Equal(expected.Payload, actual.Payload);
        Assert.Equal(expected.Timestamp.UtcTicks, actual.Timestamp.UtcTicks);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.WriterId, actual.WriterId);
        Assert.Equal(expected.Epoch, actual.Epoch);
    }

    public static void AssertSame(SnapshotRow expected, SnapshotRow? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Metadata.PersistenceId, actual.Metadata.PersistenceId);
        Assert.Equal(expected.Metadata.SequenceNr, actual.Metadata.SequenceNr);
        Assert.Equal(expected.Metadata.Timestamp.UtcTicks, actual.Metadata.Timestamp.UtcTicks);
        Assert.Equal(expected.Manifest, actual.Manifest);
        Assert.Equal(expected.Payload, actual.Payload);
    }

    public static async Task<List<T>> CollectAsync<T>(this IAsyncEnumerable<T> source)
    {
        var items = new List<T>();
        await foreach (var item in source)
        {
            items.Add(item);
        }

        return items;
    }

    public static IEnumerable<(string PersistenceId, long SequenceNr)> Keys(this IEnumerable<PersistentRepr> events) =>
        events.Select(e => (e.PersistenceId, e.SequenceNr));
}
