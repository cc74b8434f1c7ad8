using ActorTrader.Actors;
using ActorTrader.Actors.Dispatch;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Dispatch;

public sealed class ThroughputTests : TestKit.TestKit
{
    private sealed record Step(int N);

    /// <summary>Blocks the actor in its first message, queues <paramref name="count"/> steps behind it, releases it, and returns what it reports.</summary>
    private async Task<IReadOnlyList<Processed>> RunQueuedSteps(IActorRef actor, int count)
    {
        using var gate = new Gate();
        actor.Tell(new BlockUntilReleased(gate), TestActor);
        await ExpectMsgAsync<Processed>();
        await ExpectMsgAsync<Blocked>();
        for (var i = 1; i <= count; i++) actor.Tell(new Step(i), TestActor);
        gate.Open();
        var reports = await ReceiveNAsync(count);
        return reports.Cast<Processed>().ToArray();
    }

    [Fact]
    public async Task A_dispatcher_with_throughput_1_gives_every_message_its_own_turn()
    {
        Sys.Dispatchers.Register(new ThreadPoolDispatcher("throughput-1", 1));
        var actor = Sys.ActorOf(Props.Create(() => new RecordingActor(TestActor)).WithDispatcher("throughput-1"));

        var processed = await RunQueuedSteps(actor, 20);

        Assert.Equal(Enumerable.Range(1, 20), processed.Select(p => ((Step)p.Message).N));
        Assert.All(processed, p => Assert.False(p.SameTurnAsPrevious, $"{p.Message} ran in the same turn as the message before it"));
    }

    [Fact]
    public async Task A_dispatcher_with_large_throughput_processes_queued_messages_in_one_turn_on_one_thread()
    {
        Sys.Dispatchers.Register(new ThreadPoolDispatcher("throughput-1000", 1000));
        var actor = Sys.ActorOf(Props.Create(() => new RecordingActor(TestActor)).WithDispatcher("throughput-1000"));

        var processed = await RunQueuedSteps(actor, 200);

        Assert.Equal(Enumerable.Range(1, 200), processed.Select(p => ((Step)p.Message).N));
        Assert.All(processed, p => Assert.True(p.SameTurnAsPrevious, $"{p.Message} started a new turn"));
        Assert.Single(processed.Select(p => p.ThreadId).Distinct());
    }

    [Fact]
    public async Task A_turn_ends_after_throughput_messages_even_when_more_are_queued()
    {
        Sys.Dispatchers.Register(new ThreadPoolDispatcher("throughput-5", 5));
        var actor = Sys.ActorOf(Props.Create(() => new RecordingActor(TestActor)).WithDispatcher("throughput-5"));

        // The blocking message is the first of its turn, so that turn ends after steps 1-4; later turns hold 5 each.
        var processed = await RunQueuedSteps(actor, 14);

        var newTurnAt = processed.Where(p => !p.SameTurnAsPrevious).Select(p => ((Step)p.Message).N);
        Assert.Equal([5, 10], newTurnAt);
    }

    [Fact]
    public async Task Registered_dispatcher_is_used_by_actors_whose_props_name_it()
    {
        Sys.Dispatchers.Register(new PinnedDispatcher("my-dedicated", 10));
        var onDefault = Sys.ActorOf(Props.Create(() => new RecordingActor(TestActor)));
        var onDedicated = Sys.ActorOf(Props.Create(() => new RecordingActor(TestActor)).WithDispatcher("my-dedicated"));

        onDefault.Tell(new Step(1), TestActor);
        var defaultReport = await ExpectMsgAsync<Processed>();
        onDedicated.Tell(new Step(2), TestActor);
        var dedicatedReport = await ExpectMsgAsync<Processed>();

        Assert.True(defaultReport.IsThreadPoolThread, "the default dispatcher runs actors on the thread pool");
        Assert.False(dedicatedReport.IsThreadPoolThread, "the registered pinned dispatcher runs its actor on its own thread");
    }

    [Fact]
    public void ActorOf_with_an_unknown_dispatcher_id_fails_naming_the_id()
    {
        var props = Props.Create(() => new RecordingActor(TestActor)).WithDispatcher("no-such-dispatcher");

        var error = Assert.Throws<ArgumentException>(() => Sys.ActorOf(props, "orphan"));

        Assert.Contains("\"no-such-dispatcher\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_ActorOf_does_not_reserve_the_actor_name()
    {
        Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create(() => new RecordingActor(TestActor)).WithDispatcher("no-such-dispatcher"), "worker"));

        var worker = Sys.ActorOf(Props.Create(() => new RecordingActor(TestActor)), "worker");
        worker.Tell(new Step(1), TestActor);

        await ExpectMsgAsync<Processed>(p => p.Message is Step { N: 1 });
    }

    [Fact]
    public void Registering_a_dispatcher_with_throughput_below_1_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ThreadPoolDispatcher("zero", 0));

        Assert.Contains("\"zero\"", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>The throughput of the default dispatcher comes from <see cref="ActorSystemSetup.DefaultDispatcherThroughput"/>.</summary>
public sealed class DefaultDispatcherThroughputTests : TestKit.TestKit
{
    private sealed record Step(int N);

    public DefaultDispatcherThroughputTests()
        : base(new TestKitSettings { Setup = new ActorSystemSetup { DefaultDispatcherThroughput = 1 } })
    {
    }

    [Fact]
    public async Task Default_dispatcher_throughput_from_the_setup_bounds_each_turn()
    {
        Assert.Equal(1, Sys.Dispatchers.DefaultDispatcher.Throughput);
        var actor = Sys.ActorOf(Props.Create(() => new RecordingActor(TestActor)));
        using var gate = new Gate();
        actor.Tell(new BlockUntilReleased(gate), TestActor);
        await ExpectMsgAsync<Processed>();
        await ExpectMsgAsync<Blocked>();
        for (var i = 1; i <= 10; i++) actor.Tell(new Step(i), TestActor);
        gate.Open();

        var processed = (await ReceiveNAsync(10)).Cast<Processed>().ToArray();

        Assert.All(processed, p => Assert.False(p.SameTurnAsPrevious, $"{p.Message} ran in the same turn as the message before it"));
    }
}
