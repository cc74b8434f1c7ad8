using ActorTrader.Actors;
using ActorTrader.Actors.Dispatch;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Dispatch;

public sealed class PinnedDispatcherTests : TestKit.TestKit
{
    private sealed record Step(int N);

    private sealed record WhichThread;

    /// <summary>Replies with the thread it runs on.</summary>
    private sealed class ThreadReporter : ReceiveActor
    {
        public ThreadReporter()
        {
            Receive<WhichThread>(_ => Sender.Tell(Thread.CurrentThread, Self));
        }
    }

    private static Props Pinned<TActor>(Func<TActor> factory) where TActor : ActorBase => Props.Create(factory).WithDispatcher(Dispatchers.PinnedDispatcherId);

    [Fact]
    public async Task Pinned_actor_processes_every_message_on_the_same_dedicated_non_pool_thread()
    {
        var actor = Sys.ActorOf(Pinned(() => new RecordingActor(TestActor)));

        for (var i = 0; i < 50; i++) actor.Tell(new Step(i), TestActor);
        var processed = (await ReceiveNAsync(50)).Cast<Processed>().ToArray();

        Assert.Equal(Enumerable.Range(0, 50), processed.Select(p => ((Step)p.Message).N));
        Assert.Single(processed.Select(p => p.ThreadId).Distinct());
        Assert.All(processed, p => Assert.False(p.IsThreadPoolThread, "a pinned actor must not run on a thread-pool thread"));
    }

    [Fact]
    public async Task Pinned_actor_keeps_its_thread_across_idle_periods()
    {
        var actor = Sys.ActorOf(Pinned(() => new ThreadReporter()));

        actor.Tell(new WhichThread(), TestActor);
        var first = await ExpectMsgAsync<Thread>();
        // The actor is idle between the two requests: its next turn must still run on its own thread.
        actor.Tell(new WhichThread(), TestActor);
        var second = await ExpectMsgAsync<Thread>();

        Assert.Same(first, second);
    }

    [Fact]
    public async Task Each_pinned_actor_gets_its_own_thread()
    {
        var a = Sys.ActorOf(Pinned(() => new ThreadReporter()));
        var b = Sys.ActorOf(Pinned(() => new ThreadReporter()));

        a.Tell(new WhichThread(), TestActor);
        var threadOfA = await ExpectMsgAsync<Thread>();
        b.Tell(new WhichThread(), TestActor);
        var threadOfB = await ExpectMsgAsync<Thread>();

        Assert.NotEqual(threadOfA.ManagedThreadId, threadOfB.ManagedThreadId);
    }

    [Fact]
    public async Task Pinned_thread_ends_after_the_actor_stops()
    {
        var actor = Sys.ActorOf(Pinned(() => new ThreadReporter()));
        actor.Tell(new WhichThread(), TestActor);
        var thread = await ExpectMsgAsync<Thread>();
        Assert.True(thread.IsAlive);

        Watch(actor);
        actor.Tell(PoisonPill.Instance, TestActor);
        await ExpectTerminatedAsync(actor);

        await AwaitConditionAsync(() => !thread.IsAlive, message: $"the pinned thread {thread.Name} is still running after its actor stopped");
    }

    [Fact]
    public async Task Blocking_a_pinned_actor_does_not_stop_other_pinned_or_pool_actors()
    {
        var blocker = Sys.ActorOf(Pinned(() => new RecordingActor(TestActor)), "blocker");
        var otherPinned = Sys.ActorOf(Pinned(() => new ThreadReporter()), "other-pinned");
        var onPool = Sys.ActorOf(Props.Create(() => new ThreadReporter()), "on-pool");
        using var gate = new Gate();
        blocker.Tell(new BlockUntilReleased(gate), TestActor);
        await ExpectMsgAsync<Processed>();
        await ExpectMsgAsync<Blocked>();
        blocker.Tell(new Step(1), TestActor);

        otherPinned.Tell(new WhichThread(), TestActor);
        await ExpectMsgAsync<Thread>(t => !t.IsThreadPoolThread);
        onPool.Tell(new WhichThread(), TestActor);
        await ExpectMsgAsync<Thread>(t => t.IsThreadPoolThread);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // the blocker is still stuck: its Step 1 waits
        gate.Open();

        await ExpectMsgAsync<Processed>(p => p.Message is Step { N: 1 });
    }
}
