using ActorTrader.Actors;

namespace ActorTrader.Actors.Tests.Behaviour;

/// <summary>IWithStash: order of unstashed messages, Unstash of the oldest, survival across restarts, dead letters on stop.</summary>
public sealed class StashTests : TestKit.TestKit
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    private sealed record Hold(Task Gate);

    /// <summary>
    /// Closed: stashes strings (acknowledging "stashed:x" to the reporter). "open" unstashes all and echoes from then on;
    /// "one" unstashes the oldest and echoes just the next string; "fail" throws.
    /// </summary>
    private sealed class Gatekeeper : ReceiveActor, IWithStash
    {
        private readonly IActorRef _reporter;

        public Gatekeeper(IActorRef reporter, bool startOpen)
        {
            _reporter = reporter;
            ReceiveAsync<Hold>(async m =>
            {
                reporter.Tell("holding", Self);
                await m.Gate;
            });
            if (startOpen) Open();
            else Closed();
        }

        public IStash Stash { get; set; } = null!;

        private void Closed()
        {
            Receive<string>(_ =>
            {
                Stash.UnstashAll();
                Become(Open);
            }, s => s == "open");
            Receive<string>(_ =>
            {
                Stash.Unstash();
                Become(EchoOneThenClose);
            }, s => s == "one");
            Receive<string>(_ => throw new InvalidOperationException("crash"), s => s == "fail");
            Receive<string>(s =>
            {
                Stash.Stash();
                _reporter.Tell("stashed:" + s, Self);
            });
        }

        private void EchoOneThenClose()
        {
            Receive<string>(s =>
            {
                Sender.Tell(s, Self);
                Become(Closed);
            });
        }

        private void Open()
        {
            Receive<string>(s => Sender.Tell(s, Self));
        }

        protected override void PostRestart(Exception reason) => _reporter.Tell("restarted", Self);
    }

    private IActorRef NewGatekeeper(IActorRef reporter) =>
        Sys.ActorOf(Props.Create(() => new Gatekeeper(reporter, false)));

    private static async Task StashAllAsync(IActorRef gatekeeper, TestKit.TestProbe reports, IActorRef sender, params string[] messages)
    {
        foreach (var message in messages) gatekeeper.Tell(message, sender);
        foreach (var message in messages) await reports.ExpectMsgAsync("stashed:" + message);
    }

    [Fact]
    public async Task UnstashAll_delivers_the_stashed_messages_in_their_original_order()
    {
        var reports = CreateTestProbe();
        var gatekeeper = NewGatekeeper(reports.Ref);
        await StashAllAsync(gatekeeper, reports, TestActor, "a", "b", "c");

        gatekeeper.Tell("open", TestActor);

        Assert.Equal(new object[] { "a", "b", "c" }, await ReceiveNAsync(3));
    }

    [Fact]
    public async Task UnstashAll_delivers_the_stashed_messages_before_messages_that_arrived_later()
    {
        var reports = CreateTestProbe();
        var gatekeeper = NewGatekeeper(reports.Ref);
        await StashAllAsync(gatekeeper, reports, TestActor, "a", "b", "c");

        // Keep the actor busy so "open" and the later messages are all queued before it unstashes.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gatekeeper.Tell(new Hold(gate.Task), TestActor);
        await reports.ExpectMsgAsync("holding");
        gatekeeper.Tell("open", TestActor);
        gatekeeper.Tell("d", TestActor);
        gatekeeper.Tell("e", TestActor);
        gate.SetResult();

        Assert.Equal(new object[] { "a", "b", "c", "d", "e" }, await ReceiveNAsync(5));
    }

    [Fact]
    public async Task Unstashed_messages_keep_their_original_sender()
    {
        var reports = CreateTestProbe();
        var original = CreateTestProbe();
        var gatekeeper = NewGatekeeper(reports.Ref);
        await StashAllAsync(gatekeeper, reports, original.Ref, "a");

        gatekeeper.Tell("open", TestActor);

        await original.ExpectMsgAsync("a");
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Unstash_returns_only_the_oldest_stashed_message()
    {
        var reports = CreateTestProbe();
        var gatekeeper = NewGatekeeper(reports.Ref);
        await StashAllAsync(gatekeeper, reports, TestActor, "a", "b", "c");

        gatekeeper.Tell("one", TestActor);
        await ExpectMsgAsync("a");
        await ExpectNoMsgAsync(Quiet);

        gatekeeper.Tell("one", TestActor);
        await ExpectMsgAsync("b");
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Stashed_messages_survive_a_restart_and_are_delivered_to_the_new_instance_first()
    {
        var reports = CreateTestProbe();
        var gatekeeper = NewGatekeeper(reports.Ref);
        await StashAllAsync(gatekeeper, reports, TestActor, "a", "b");

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gatekeeper.Tell(new Hold(gate.Task), TestActor);
        await reports.ExpectMsgAsync("holding");
        gatekeeper.Tell("fail", TestActor);
        gatekeeper.Tell("later", TestActor);
        gate.SetResult();

        await reports.ExpectMsgAsync("restarted");
        // The fresh instance is closed again, so it stashes what it gets: the survivors first, then "later".
        await reports.ExpectMsgAsync("stashed:a");
        await reports.ExpectMsgAsync("stashed:b");
        await reports.ExpectMsgAsync("stashed:later");
        gatekeeper.Tell("open", TestActor);
        Assert.Equal(new object[] { "a", "b", "later" }, await ReceiveNAsync(3));
    }

    [Fact]
    public async Task Stashed_messages_go_to_dead_letters_when_the_actor_stops()
    {
        var reports = CreateTestProbe();
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var gatekeeper = NewGatekeeper(reports.Ref);
        await StashAllAsync(gatekeeper, reports, TestActor, "a", "b");
        Watch(gatekeeper);

        gatekeeper.Tell(PoisonPill.Instance, TestActor);
        await ExpectTerminatedAsync(gatekeeper);

        var first = await deadLetters.ExpectMsgAsync<DeadLetter>();
        var second = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal(new object[] { "a", "b" }, new[] { first.Message, second.Message });
        Assert.Equal(gatekeeper, first.Recipient);
        Assert.Equal(TestActor, first.Sender);
    }
}
