using ActorTrader.Persistence.Sql;
using static ActorTrader.Persistence.Tests.Stores.TestEvents;

namespace ActorTrader.Persistence.Tests.Stores;

/// <summary>
/// Damaged rows (a truncated payload, a manifest no serializer knows) come back exactly as stored: the
/// store neither crashes nor hides them, so the serializer above can reject them with its own error.
/// </summary>
public abstract class StoredRowsContractSpec : StoreContractSpec
{
    [Fact]
    public async Task A_truncated_payload_is_replayed_as_stored_between_intact_events()
    {
        await Stores.Journal.WriteAsync(Events("order-1", 1, 3));
        await Backend.ExecuteSqlAsync(
            $"UPDATE {Backend.JournalTable} SET {JournalTable.Payload} = substr({JournalTable.Payload}, 1, 3) WHERE {JournalTable.PersistenceId} = 'order-1' AND {JournalTable.SequenceNr} = 2");

        var replayed = await Stores.Journal.ReplayAsync("order-1", 1, long.MaxValue, long.MaxValue).CollectAsync();

        Assert.Equal([1L, 2, 3], replayed.Select(e => e.SequenceNr));
        Assert.Equal(Payload("order-1", 2)[..3], replayed[1].Payload);
        AssertSame(Event("order-1", 1), replayed[0]);
        AssertSame(Event("order-1", 3), replayed[2]);
    }

    [Fact]
    public async Task An_unknown_manifest_is_returned_as_stored_by_replay_and_queries()
    {
        await Stores.Journal.WriteAsync(Events("order-1", 1, 2, "orders"));
        await Backend.ExecuteSqlAsync(
            $"UPDATE {Backend.JournalTable} SET {JournalTable.Manifest} = 'no.such.Event.v9' WHERE {JournalTable.SequenceNr} = 1");

        var replayed = await Stores.Journal.ReplayAsync("order-1", 1, long.MaxValue, long.MaxValue).CollectAsync();
        var tagged = await Stores.Query.CurrentEventsByTagAsync("orders", 0, int.MaxValue).CollectAsync();

        Assert.Equal(["no.such.Event.v9", Manifest], replayed.Select(e => e.Manifest));
        Assert.Equal(["no.such.Event.v9", Manifest], tagged.Select(e => e.Manifest));
        Assert.Equal(Payload("order-1", 1), replayed[0].Payload);
    }

    [Fact]
    public async Task An_empty_payload_is_returned_as_an_empty_array()
    {
        await Stores.Journal.WriteAsync([Event("order-1", 1) with { Payload = [] }]);

        var replayed = await Stores.Journal.ReplayAsync("order-1", 1, long.MaxValue, long.MaxValue).CollectAsync();

        Assert.Empty(Assert.Single(replayed).Payload);
    }
}
