using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Memory;

namespace ActorTrader.Persistence.Tests.Memory;

public sealed class MemoryJournalSpec
{
    private readonly MemoryStorage _storage = new();

    private static PersistentRepr Row(string id, long sequenceNr, params string[] tags) =>
        new(id, sequenceNr, "m", [1, 2, 3], DateTimeOffset.UnixEpoch, tags, "w");

    [Fact]
    public async Task A_write_that_reuses_a_sequence_number_is_refused_whole()
    {
        var journal = new MemoryJournal(_storage);
        await journal.WriteAsync([Row("a", 1), Row("a", 2)]);

        var error = await Assert.ThrowsAsync<JournalConcurrencyException>(() => journal.WriteAsync([Row("a", 2), Row("a", 3)]));

        Assert.Equal(("a", 2L), (error.PersistenceId, error.SequenceNr));
        Assert.Equal(2, await journal.ReadHighestSequenceNrAsync("a"));
        Assert.Equal(2, _storage.EventCount);
    }

    [Fact]
    public async Task Deleted_events_are_not_replayed_but_keep_the_highest_sequence_number()
    {
        var journal = new MemoryJournal(_storage);
        await journal.WriteAsync([Row("a", 1), Row("a", 2), Row("a", 3)]);

        await journal.DeleteMessagesToAsync("a", 3);

        Assert.Empty(await journal.ReplayAsync("a", 1, long.MaxValue, long.MaxValue).ToListAsync());
        Assert.Equal(3, await journal.ReadHighestSequenceNrAsync("a"));
        await Assert.ThrowsAsync<JournalConcurrencyException>(() => journal.WriteAsync([Row("a", 3)]));
    }

    [Fact]
    public async Task Orderings_are_global_and_tag_queries_resume_after_an_offset()
    {
        var journal = new MemoryJournal(_storage);
        var query = new MemoryJournalQuery(_storage);
        await journal.WriteAsync([Row("a", 1, "t")]);
        await journal.WriteAsync([Row("b", 1)]);
        await journal.WriteAsync([Row("b", 2, "t")]);

        var tagged = await query.CurrentEventsByTagAsync("t", 0, 10).ToListAsync();
        var after = await query.CurrentEventsByTagAsync("t", tagged[0].Ordering, 10).ToListAsync();

        Assert.Equal([1L, 3L], tagged.Select(r => r.Ordering));
        Assert.Equal([("b", 2L)], after.Select(r => (r.PersistenceId, r.SequenceNr)));
        Assert.Equal(3, await query.MaxOrderingAsync());
    }

    [Fact]
    public async Task Replay_honours_the_bounds_and_the_maximum()
    {
        var journal = new MemoryJournal(_storage);
        await journal.WriteAsync([Row("a", 1), Row("a", 2), Row("a", 3), Row("a", 4)]);

        var page = await journal.ReplayAsync("a", 2, 4, 2).ToListAsync();

        Assert.Equal([2L, 3L], page.Select(r => r.SequenceNr));
    }
}
