using ActorTrader.Persistence.Journal;
using static ActorTrader.Persistence.Tests.Stores.TestEvents;

namespace ActorTrader.Persistence.Tests.Stores;

/// <summary>What every <see cref="IJournal"/> backend must do: append, replay, highest sequence number, delete, reject a second writer, batch.</summary>
public abstract class JournalContractSpec : StoreContractSpec
{
    private IJournal Journal => Stores.Journal;

    [Fact]
    public async Task Written_events_replay_in_sequence_order_with_every_field_intact()
    {
        var written = new[] { Event("order-1", 1, "orders", "AAPL"), Event("order-1", 2), Event("order-1", 3, "orders") };
        await Journal.WriteAsync(written[..2]);
        await Journal.WriteAsync(written[2..]);

        var replayed = await Journal.ReplayAsync("order-1", 1, long.MaxValue, long.MaxValue).CollectAsync();

        Assert.Equal(3, replayed.Count);
        for (var i = 0; i < written.Length; i++)
        {
            AssertSame(written[i], replayed[i]);
        }
    }

    [Fact]
    public async Task Replay_returns_only_the_requested_range_up_to_max()
    {
        await Journal.WriteAsync(Events("order-1", 1, 10));

        var range = await Journal.ReplayAsync("order-1", 3, 8, long.MaxValue).CollectAsync();
        var limited = await Journal.ReplayAsync("order-1", 3, 8, 2).CollectAsync();

        Assert.Equal([3L, 4, 5, 6, 7, 8], range.Select(e => e.SequenceNr));
        Assert.Equal([3L, 4], limited.Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task Replay_of_one_id_returns_none_of_another_ids_events()
    {
        await Journal.WriteAsync(Events("order-1", 1, 2));
        await Journal.WriteAsync(Events("order-10", 1, 3));

        var replayed = await Journal.ReplayAsync("order-1", 1, long.MaxValue, long.MaxValue).CollectAsync();

        Assert.All(replayed, e => Assert.Equal("order-1", e.PersistenceId));
        Assert.Equal(2, replayed.Count);
    }

    [Fact]
    public async Task Highest_sequence_nr_of_an_unknown_id_is_zero()
    {
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync("nobody"));
    }

    [Fact]
    public async Task Highest_sequence_nr_is_the_last_one_written()
    {
        await Journal.WriteAsync(Events("ledger", 1, 4));
        await Journal.WriteAsync(Events("ledger", 5, 7));

        Assert.Equal(7, await Journal.ReadHighestSequenceNrAsync("ledger"));
    }

    [Fact]
    public async Task Deleted_events_are_not_replayed_but_the_highest_sequence_nr_is_kept()
    {
        await Journal.WriteAsync(Events("ledger", 1, 5));

        await Journal.DeleteMessagesToAsync("ledger", 5);
        var replayed = await Journal.ReplayAsync("ledger", 1, long.MaxValue, long.MaxValue).CollectAsync();

        Assert.Empty(replayed);
        Assert.Equal(5, await Journal.ReadHighestSequenceNrAsync("ledger"));
    }

    [Fact]
    public async Task Deleting_up_to_a_sequence_nr_keeps_the_later_events()
    {
        await Journal.WriteAsync(Events("ledger", 1, 5));

        await Journal.DeleteMessagesToAsync("ledger", 3);
        var replayed = await Journal.ReplayAsync("ledger", 1, long.MaxValue, long.MaxValue).CollectAsync();

        Assert.Equal([4L, 5], replayed.Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task A_second_writer_of_an_existing_sequence_nr_is_rejected_naming_the_id_and_number()
    {
        await Journal.WriteAsync(Events("order-7", 1, 3));
        var intruder = Event("order-7", 2) with { WriterId = "writer-2", Payload = [9, 9, 9] };

        var error = await Assert.ThrowsAsync<JournalConcurrencyException>(() => Journal.WriteAsync([intruder, Event("order-7", 3) with { WriterId = "writer-2" }]));

        Assert.Equal("order-7", error.PersistenceId);
        Assert.Equal(2, error.SequenceNr);
        Assert.Contains("'order-7'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
        var stored = await Journal.ReplayAsync("order-7", 1, long.MaxValue, long.MaxValue).CollectAsync();
        Assert.Equal(Events("order-7", 1, 3).Select(e => e.Payload), stored.Select(e => e.Payload));
    }

    [Fact]
    public async Task A_rejected_write_stores_none_of_its_events()
    {
        await Journal.WriteAsync(Events("order-7", 1, 2));
        await Journal.WriteAsync([Event("order-7", 4)]);

        await Assert.ThrowsAsync<JournalConcurrencyException>(() => Journal.WriteAsync(Events("order-7", 3, 4)));

        var stored = await Journal.ReplayAsync("order-7", 1, long.MaxValue, long.MaxValue).CollectAsync();
        Assert.Equal([1L, 2, 4], stored.Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task A_collision_fails_only_its_own_write_among_concurrent_writes()
    {
        await Journal.WriteAsync([Event("contested", 1)]);

        var others = Enumerable.Range(1, 20).Select(i => Journal.WriteAsync(Events($"bystander-{i}", 1, 2))).ToList();
        var collision = Journal.WriteAsync([Event("contested", 1) with { WriterId = "writer-2" }]);
        var after = Enumerable.Range(21, 20).Select(i => Journal.WriteAsync(Events($"bystander-{i}", 1, 2))).ToList();

        await Assert.ThrowsAsync<JournalConcurrencyException>(() => collision);
        await Task.WhenAll(others.Concat(after));
        for (var i = 1; i <= 40; i++)
        {
            Assert.Equal(2, await Journal.ReadHighestSequenceNrAsync($"bystander-{i}"));
        }
    }

    [Fact]
    public async Task Two_writes_of_the_same_sequence_nr_in_flight_at_once_store_exactly_one()
    {
        var first = Journal.WriteAsync([Event("twin", 1) with { WriterId = "a" }]);
        var second = Journal.WriteAsync([Event("twin", 1) with { WriterId = "b" }]);

        var outcomes = await Task.WhenAll(Outcome(first), Outcome(second));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is JournalConcurrencyException);
        var stored = Assert.Single(await Journal.ReplayAsync("twin", 1, long.MaxValue, long.MaxValue).CollectAsync());
        Assert.Equal(outcomes[0] is null ? "a" : "b", stored.WriterId);
    }

    [Fact]
    public async Task Many_concurrent_writers_are_all_acknowledged_and_replayed_exactly_once_in_order()
    {
        const int actors = 60;
        const int writesPerActor = 15;

        async Task WriteAll(string id)
        {
            for (var n = 1; n <= writesPerActor; n++)
            {
                await Journal.WriteAsync([Event(id, n, "all")]);
            }
        }

        await Task.WhenAll(Enumerable.Range(1, actors).Select(a => Task.Run(() => WriteAll($"actor-{a}"))));

        for (var a = 1; a <= actors; a++)
        {
            var replayed = await Journal.ReplayAsync($"actor-{a}", 1, long.MaxValue, long.MaxValue).CollectAsync();
            Assert.Equal(Enumerable.Range(1, writesPerActor).Select(n => (long)n), replayed.Select(e => e.SequenceNr));
        }

        var all = await Stores.Query.CurrentAllEventsAsync(0, int.MaxValue).CollectAsync();
        Assert.Equal(actors * writesPerActor, all.Count);
        Assert.Equal(all.Count, all.Keys().Distinct().Count());
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Ordering < p.Second.Ordering), "orderings must increase");
    }

    [Fact]
    public async Task The_events_of_one_write_get_consecutive_orderings()
    {
        var concurrent = Enumerable.Range(1, 10).Select(i => Journal.WriteAsync(Events($"x-{i}", 1, 5))).ToList();
        await Task.WhenAll(concurrent);

        var all = await Stores.Query.CurrentAllEventsAsync(0, int.MaxValue).CollectAsync();

        foreach (var write in all.GroupBy(e => e.PersistenceId))
        {
            var orderings = write.Select(e => e.Ordering).ToList();
            Assert.Equal(Enumerable.Range(0, 5).Select(k => orderings[0] + k), orderings);
        }
    }

    [Fact]
    public async Task Acknowledged_events_are_there_after_the_store_is_reopened()
    {
        await Journal.WriteAsync(Events("durable", 1, 3));
        await Stores.DisposeAsync();

        var reopened = await Backend.OpenStoresAsync();

        var replayed = await reopened.Journal.ReplayAsync("durable", 1, long.MaxValue, long.MaxValue).CollectAsync();
        Assert.Equal([1L, 2, 3], replayed.Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task Writes_queued_before_disposal_are_stored_before_it_completes()
    {
        var pending = Enumerable.Range(1, 30).Select(i => Journal.WriteAsync([Event($"late-{i}", 1)])).ToList();

        await Stores.DisposeAsync();
        await Task.WhenAll(pending);

        var reopened = await Backend.OpenStoresAsync();
        Assert.Equal(30, (await reopened.Query.CurrentPersistenceIdsAsync().CollectAsync()).Count);
    }

    [Fact]
    public async Task A_write_that_mixes_persistence_ids_is_refused_before_anything_is_stored()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Journal.WriteAsync([Event("a", 1), Event("b", 2)]));

        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync("a"));
    }

    [Fact]
    public async Task A_write_with_a_hole_in_its_sequence_numbers_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Journal.WriteAsync([Event("a", 1), Event("a", 3)]));

        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync("a"));
    }

    private static async Task<Exception?> Outcome(Task write)
    {
        try
        {
            await write;
            return null;
        }
        catch (JournalConcurrencyException ex)
        {
            return ex;
        }
    }
}
