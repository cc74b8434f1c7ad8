using ActorTrader.Actors;
using ActorTrader.Persistence.Tests.Support;
using static ActorTrader.Persistence.Tests.Support.RecorderActor;

namespace ActorTrader.Persistence.Tests.Behaviour;

/// <summary>Read-model queries: events by persistence id and by tag from an offset, deserialized.</summary>
public abstract class QuerySpec : PersistenceSpec
{
    private async Task<IActorRef> PersistAsync(string id, params (string Value, string[] Tags)[] events)
    {
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(id, reporter);
        foreach (var (value, tags) in events) actor.Tell(new AddTagged(value, tags), TestActor);
        for (var i = 0; i < events.Length; i++) await reporter.ExpectMsgAsync<Handled>();
        return actor;
    }

    [Fact]
    public async Task EventsByTag_returns_the_tagged_events_of_every_actor_in_journal_order()
    {
        await StartPersistenceAsync();
        var tag = "tag-" + Guid.NewGuid().ToString("N");
        var one = NewPersistenceId();
        var two = NewPersistenceId();
        await PersistAsync(one, ("a", [tag]), ("b", ["other"]));
        await PersistAsync(two, ("c", [tag, "other"]));
        await PersistAsync(one + "-x", ("d", [tag]));

        var events = await Persistence.ReadJournal.CurrentEventsByTag(tag).ToListAsync();

        Assert.Equal([new Appended("a"), new Appended("c"), new Appended("d")], events.Select(e => e.Event));
        Assert.Equal(events.Select(e => e.Offset).Order(), events.Select(e => e.Offset));
        Assert.Equal((two, 1L), (events[1].PersistenceId, events[1].SequenceNr));
        Assert.Contains(tag, events[1].Tags);
    }

    [Fact]
    public async Task EventsByTag_from_an_offset_returns_only_later_events()
    {
        await StartPersistenceAsync();
        var tag = "tag-" + Guid.NewGuid().ToString("N");
        await PersistAsync(NewPersistenceId(), ("a", [tag]), ("b", [tag]), ("c", [tag]));
        var all = await Persistence.ReadJournal.CurrentEventsByTag(tag).ToListAsync();

        var later = await Persistence.ReadJournal.CurrentEventsByTag(tag, offset: all[0].Offset, pageSize: 1).ToListAsync();

        Assert.Equal([new Appended("b"), new Appended("c")], later.Select(e => e.Event));
    }

    [Fact]
    public async Task EventsByPersistenceId_returns_the_events_in_order_without_deleted_ones()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        await PersistAsync(id, ("a", []), ("b", []), ("c", []));
        await Journal.Inner.DeleteMessagesToAsync(id, 1);

        var events = await Persistence.ReadJournal.CurrentEventsByPersistenceId(id).ToListAsync();

        Assert.Equal([new Appended("b"), new Appended("c")], events.Select(e => e.Event));
        Assert.Equal([2L, 3L], events.Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task The_live_EventsByTag_query_picks_up_events_written_after_it_started()
    {
        await StartPersistenceAsync();
        var tag = "tag-" + Guid.NewGuid().ToString("N");
        var id = NewPersistenceId();
        var actor = await PersistAsync(id, ("a", [tag]));
        using var cancel = new CancellationTokenSource();
        await using var live = Persistence.ReadJournal.EventsByTag(tag, 0, TimeSpan.FromSeconds(1), cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await live.MoveNextAsync());
        Assert.Equal(new Appended("a"), live.Current.Event);

        var next = live.MoveNextAsync().AsTask();
        actor.Tell(new AddTagged("b", [tag]), TestActor);
        await AwaitConditionAsync(() =>
        {
            Scheduler.Advance(TimeSpan.FromSeconds(1));
            return next.IsCompleted;
        });

        Assert.True(await next);
        Assert.Equal(new Appended("b"), live.Current.Event);
        await cancel.CancelAsync();
    }
}
