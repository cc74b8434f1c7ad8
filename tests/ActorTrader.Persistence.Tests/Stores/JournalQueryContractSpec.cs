using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Query;
using static ActorTrader.Persistence.Tests.Stores.TestEvents;

namespace ActorTrader.Persistence.Tests.Stores;

/// <summary>What every <see cref="IJournalQuery"/> backend must answer: by id, by tag from an offset, all events, max ordering, ids.</summary>
public abstract class JournalQueryContractSpec : StoreContractSpec
{
    private IJournal Journal => Stores.Journal;

    private IJournalQuery Query => Stores.Query;

    [Fact]
    public async Task Events_by_persistence_id_come_in_sequence_order_within_the_range()
    {
        await Journal.WriteAsync(Events("order-1", 1, 6));

        var events = await Query.CurrentEventsByPersistenceIdAsync("order-1", 2, 4).CollectAsync();

        Assert.Equal([2L, 3, 4], events.Select(e => e.SequenceNr));
        AssertSame(Event("order-1", 3), events[1]);
    }

    [Fact]
    public async Task Events_by_tag_return_only_tagged_events_in_ordering_order()
    {
        await Journal.WriteAsync([Event("a", 1, "fills")]);
        await Journal.WriteAsync([Event("b", 1, "orders")]);
        await Journal.WriteAsync([Event("b", 2, "orders", "fills")]);
        await Journal.WriteAsync([Event("a", 2)]);

        var fills = await Query.CurrentEventsByTagAsync("fills", 0, int.MaxValue).CollectAsync();

        Assert.Equal([("a", 1L), ("b", 2L)], fills.Keys());
        Assert.True(fills[0].Ordering < fills[1].Ordering);
        Assert.Equal(["orders", "fills"], fills[1].Tags);
    }

    [Fact]
    public async Task Events_by_tag_start_after_the_given_offset()
    {
        await Journal.WriteAsync([Event("a", 1, "fills")]);
        await Journal.WriteAsync([Event("a", 2, "fills")]);
        await Journal.WriteAsync([Event("a", 3, "fills")]);
        var first = (await Query.CurrentEventsByTagAsync("fills", 0, 1).CollectAsync()).Single();

        var rest = await Query.CurrentEventsByTagAsync("fills", first.Ordering, int.MaxValue).CollectAsync();

        Assert.Equal([2L, 3], rest.Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task Paging_by_tag_with_a_small_max_visits_every_tagged_event_exactly_once()
    {
        for (var n = 1; n <= 25; n++)
        {
            await Journal.WriteAsync([Event("p", n, n % 3 == 0 ? ["third"] : ["other"])]);
        }

        var seen = new List<long>();
        var offset = 0L;
        while (true)
        {
            var page = await Query.CurrentEventsByTagAsync("third", offset, 2).CollectAsync();
            if (page.Count == 0)
            {
                break;
            }

            Assert.True(page.Count <= 2);
            seen.AddRange(page.Select(e => e.SequenceNr));
            offset = page[^1].Ordering;
        }

        Assert.Equal([3L, 6, 9, 12, 15, 18, 21, 24], seen);
    }

    [Fact]
    public async Task A_tag_does_not_match_a_longer_tag_that_starts_with_it()
    {
        await Journal.WriteAsync([Event("a", 1, "buyback")]);
        await Journal.WriteAsync([Event("a", 2, "buy")]);
        await Journal.WriteAsync([Event("a", 3, "bu")]);

        var buys = await Query.CurrentEventsByTagAsync("buy", 0, int.MaxValue).CollectAsync();

        Assert.Equal([2L], buys.Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task All_events_come_in_ordering_order_after_the_offset_up_to_max()
    {
        await Journal.WriteAsync(Events("a", 1, 3));
        await Journal.WriteAsync(Events("b", 1, 3));
        var all = await Query.CurrentAllEventsAsync(0, int.MaxValue).CollectAsync();

        var page = await Query.CurrentAllEventsAsync(all[1].Ordering, 3).CollectAsync();

        Assert.Equal(6, all.Count);
        Assert.Equal([("a", 3L), ("b", 1L), ("b", 2L)], page.Keys());
    }

    [Fact]
    public async Task Deleted_events_are_left_out_of_every_query()
    {
        await Journal.WriteAsync(Events("a", 1, 3, "t"));
        await Journal.DeleteMessagesToAsync("a", 2);

        Assert.Equal([3L], (await Query.CurrentEventsByPersistenceIdAsync("a", 1, long.MaxValue).CollectAsync()).Select(e => e.SequenceNr));
        Assert.Equal([3L], (await Query.CurrentEventsByTagAsync("t", 0, int.MaxValue).CollectAsync()).Select(e => e.SequenceNr));
        Assert.Equal([3L], (await Query.CurrentAllEventsAsync(0, int.MaxValue).CollectAsync()).Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task Max_ordering_is_zero_for_an_empty_journal_and_the_newest_ordering_after_writes()
    {
        Assert.Equal(0, await Query.MaxOrderingAsync());

        await Journal.WriteAsync(Events("a", 1, 4));
        var newest = (await Query.CurrentAllEventsAsync(0, int.MaxValue).CollectAsync())[^1];

        Assert.Equal(newest.Ordering, await Query.MaxOrderingAsync());
    }

    [Fact]
    public async Task Persistence_ids_list_every_id_once()
    {
        await Journal.WriteAsync(Events("b", 1, 3));
        await Journal.WriteAsync(Events("a", 1, 2));
        await Journal.WriteAsync(Events("c", 1, 1));

        var ids = await Query.CurrentPersistenceIdsAsync().CollectAsync();

        Assert.Equal(["a", "b", "c"], ids.Order());
    }

    [Fact]
    public async Task Orderings_used_up_by_a_rejected_write_do_not_stop_later_events_from_being_read()
    {
        await Journal.WriteAsync([Event("a", 1, "t")]);
        await Assert.ThrowsAsync<JournalConcurrencyException>(() => Journal.WriteAsync(Events("a", 1, 3, "t")));
        await Journal.WriteAsync([Event("c", 1, "t")]);

        var tagged = await Query.CurrentEventsByTagAsync("t", 0, int.MaxValue).CollectAsync();

        Assert.Equal([("a", 1L), ("c", 1L)], tagged.Keys());
    }
}
