using ActorTrader.Actors;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Scheduling;

/// <summary>IWithTimers on virtual time: single and periodic timers, keys, cancellation, restart and stop.</summary>
public sealed class TimerTests : TestKit.TestKit
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    public TimerTests() : base(new TestKitSettings { VirtualTime = true })
    {
    }

    private sealed record Ping(string Name);

    private sealed record StartSingle(object Key, object Message, TimeSpan Delay);

    private sealed record StartPeriodic(object Key, object Message, TimeSpan Interval, TimeSpan? InitialDelay = null);

    private sealed record CancelTimer(object Key);

    private sealed record IsActive(object Key);

    private sealed record Hold(Task Gate);

    /// <summary>Starts and cancels timers on command (acknowledging to the sender) and reports timer messages to the reporter.</summary>
    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        private readonly IActorRef _reporter;

        public TimerActor(IActorRef reporter)
        {
            _reporter = reporter;
            Receive<StartSingle>(m =>
            {
                Timers.StartSingleTimer(m.Key, m.Message, m.Delay);
                Sender.Tell("scheduled", Self);
            });
            Receive<StartPeriodic>(m =>
            {
                if (m.InitialDelay is { } initialDelay) Timers.StartPeriodicTimer(m.Key, m.Message, initialDelay, m.Interval);
                else Timers.StartPeriodicTimer(m.Key, m.Message, m.Interval);
                Sender.Tell("scheduled", Self);
            });
            Receive<CancelTimer>(m =>
            {
                Timers.Cancel(m.Key);
                Sender.Tell("cancelled", Self);
            });
            Receive<IsActive>(m => Sender.Tell(Timers.IsTimerActive(m.Key), Self));
            Receive<string>(_ => throw new InvalidOperationException("boom"), s => s == "fail");
            ReceiveAsync<Hold>(async m =>
            {
                reporter.Tell("holding", Self);
                await m.Gate;
            });
            Receive<Ping>(p => reporter.Tell(p, Self));
        }

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PostRestart(Exception reason) => _reporter.Tell("restarted", Self);
    }

    private IActorRef NewTimerActor() => Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)));

    private async Task StartAsync(IActorRef actor, object command)
    {
        actor.Tell(command, TestActor);
        await ExpectMsgAsync("scheduled");
    }

    /// <summary>Suspends the actor in an async handler; complete the returned source to let it go on.</summary>
    private async Task<TaskCompletionSource> HoldAsync(IActorRef actor)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        actor.Tell(new Hold(gate.Task), TestActor);
        await ExpectMsgAsync("holding");
        return gate;
    }

    // ---- single timers -----------------------------------------------------------------------

    [Fact]
    public async Task A_single_timer_delivers_its_message_after_the_timeout_and_not_before()
    {
        var actor = NewTimerActor();
        await StartAsync(actor, new StartSingle("k", new Ping("once"), TimeSpan.FromSeconds(5)));

        Scheduler.Advance(TimeSpan.FromSeconds(5) - Tick);
        await ExpectNoMsgAsync(Quiet);

        Scheduler.Advance(Tick);
        await ExpectMsgAsync(new Ping("once"));
    }

    [Fact]
    public async Task A_single_timer_delivers_only_once()
    {
        var actor = NewTimerActor();
        await StartAsync(actor, new StartSingle("k", new Ping("once"), TimeSpan.FromSeconds(5)));
        Scheduler.Advance(TimeSpan.FromSeconds(5));
        await ExpectMsgAsync(new Ping("once"));

        Scheduler.Advance(TimeSpan.FromMinutes(5));

        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task IsTimerActive_is_true_until_a_single_timer_has_fired()
    {
        var actor = NewTimerActor();
        await StartAsync(actor, new StartSingle("k", new Ping("once"), TimeSpan.FromSeconds(5)));
        actor.Tell(new IsActive("k"), TestActor);
        Assert.True(await ExpectMsgAsync<bool>());

        Scheduler.Advance(TimeSpan.FromSeconds(5));
        await ExpectMsgAsync(new Ping("once"));
        actor.Tell(new IsActive("k"), TestActor);

        Assert.False(await ExpectMsgAsync<bool>());
    }

    [Fact]
    public async Task IsTimerActive_is_false_for_a_key_that_was_never_started()
    {
        var actor = NewTimerActor();
        await StartAsync(actor, new StartSingle("k", new Ping("once"), TimeSpan.FromSeconds(5)));

        actor.Tell(new IsActive("other"), TestActor);

        Assert.False(await ExpectMsgAsync<bool>());
    }

    // ---- periodic timers ---------------------------------------------------------------------

    [Fact]
    public async Task A_periodic_timer_delivers_its_message_every_interval()
    {
        var actor = NewTimerActor();
        await StartAsync(actor, new StartPeriodic("k", new Ping("beat"), TimeSpan.FromSeconds(2)));

        for (var i = 0; i < 3; i++)
        {
            Scheduler.Advance(TimeSpan.FromSeconds(2) - Tick);
            await ExpectNoMsgAsync(Quiet);
            Scheduler.Advance(Tick);
            await ExpectMsgAsync(new Ping("beat"));
        }

        Scheduler.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(3, (await ReceiveNAsync(3)).Count(m => Equals(m, new Ping("beat"))));
        actor.Tell(new IsActive("k"), TestActor);
        Assert.True(await ExpectMsgAsync<bool>());
    }

    [Fact]
    public async Task A_periodic_timer_with_an_initial_delay_first_fires_after_that_delay()
    {
        var actor = NewTimerActor();
        await StartAsync(actor, new StartPeriodic("k", new Ping("beat"), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1)));

        Scheduler.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync(new Ping("beat"));

        Scheduler.Advance(TimeSpan.FromSeconds(3) - Tick);
        await ExpectNoMsgAsync(Quiet);
        Scheduler.Advance(Tick);
        await ExpectMsgAsync(new Ping("beat"));
    }

    // ---- keys --------------------------------------------------------------------------------

    [Fact]
    public async Task Starting_a_timer_with_an_existing_key_replaces_the_old_timer()
    {
        var actor = NewTimerActor();
        await StartAsync(actor, new StartPeriodic("k", new Ping("old"), TimeSpan.FromSeconds(5)));
        await StartAsync(actor, new StartSingle("k", new Ping("new"), TimeSpan.FromSeconds(10)));

        Scheduler.Advance(TimeSpan.FromSeconds(10));

        await ExpectMsgAsync(new Ping("new"));
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task A_tick_of_the_replaced_timer_that_was_already_queued_is_not_delivered()
    {
        var actor = NewTimerActor();
        await StartAsync(actor, new StartPeriodic("k", new Ping("old"), TimeSpan.FromSeconds(1)));
        var gate = await HoldAsync(actor);
        actor.Tell(new StartSingle("k", new Ping("new"), TimeSpan.FromSeconds(5)), TestActor);
        Scheduler.Advance(TimeSpan.FromSeconds(1)); // the old tick is queued behind the replacement

        gate.SetResult();
        await ExpectMsgAsync("scheduled");
        await ExpectNoMsgAsync(Quiet);

        Scheduler.Advance(TimeSpan.FromSeconds(5));
        await ExpectMsgAsync(new Ping("new"));
    }

    [Fact]
    public async Task Timers_with_different_keys_run_independently()
    {
        var actor = NewTimerActor();
        await StartAsync(actor, new StartSingle("a", new Ping("a"), TimeSpan.FromSeconds(1)));
        await StartAsync(actor, new StartSingle("b", new Ping("b"), TimeSpan.FromSeconds(2)));

        Scheduler.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(new object[] { new Ping("a"), new Ping("b") }, await ReceiveNAsync(2));
    }

    // ---- cancel ------------------------------------------------------------------------------

    [Fact]
    public async Task Cancel_stops_a_periodic_timer_and_makes_it_inactive()
    {
        var actor = NewTimerActor();
        await StartAsync(actor, new StartPeriodic("k", new Ping("beat"), TimeSpan.FromSeconds(1)));
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync(new Ping("beat"));

        actor.Tell(new CancelTimer("k"), TestActor);
        await ExpectMsgAsync("cancelled");
        Scheduler.Advance(TimeSpan.FromSeconds(10));

        await ExpectNoMsgAsync(Quiet);
        actor.Tell(new IsActive("k"), TestActor);
        Assert.False(await ExpectMsgAsync<bool>());
    }

    [Fact]
    public async Task A_tick_already_queued_when_its_timer_is_cancelled_is_not_delivered()
    {
        var actor = NewTimerActor();
        await StartAsync(actor, new StartSingle("k", new Ping("once"), TimeSpan.FromSeconds(1)));
        var gate = await HoldAsync(actor);
        actor.Tell(new CancelTimer("k"), TestActor);
        Scheduler.Advance(TimeSpan.FromSeconds(1)); // the tick is queued behind the cancel

        gate.SetResult();

        await ExpectMsgAsync("cancelled");
        await ExpectNoMsgAsync(Quiet);
    }

    // ---- restart and stop --------------------------------------------------------------------

    [Fact]
    public async Task Timers_are_cancelled_when_the_actor_restarts()
    {
        var actor = NewTimerActor();
        await StartAsync(actor, new StartPeriodic("k", new Ping("beat"), TimeSpan.FromSeconds(1)));

        actor.Tell("fail", TestActor);
        await ExpectMsgAsync("restarted");
        Scheduler.Advance(TimeSpan.FromSeconds(10));

        await ExpectNoMsgAsync(Quiet);
        actor.Tell(new IsActive("k"), TestActor);
        Assert.False(await ExpectMsgAsync<bool>());
    }

    [Fact]
    public async Task A_tick_queued_before_a_restart_is_not_delivered_to_the_new_instance()
    {
        var actor = NewTimerActor();
        await StartAsync(actor, new StartSingle("k", new Ping("once"), TimeSpan.FromSeconds(1)));
        var gate = await HoldAsync(actor);
        actor.Tell("fail", TestActor);
        Scheduler.Advance(TimeSpan.FromSeconds(1)); // the tick is queued behind the failing message

        gate.SetResult();

        await ExpectMsgAsync("restarted");
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Timers_are_cancelled_when_the_actor_stops()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = NewTimerActor();
        await StartAsync(actor, new StartPeriodic("k", new Ping("beat"), TimeSpan.FromSeconds(1)));
        Watch(actor);

        actor.Tell(PoisonPill.Instance, TestActor);
        await ExpectTerminatedAsync(actor);
        Scheduler.Advance(TimeSpan.FromSeconds(10));

        await deadLetters.ExpectNoMsgAsync(Quiet); // a live timer would tell its tick to the dead actor
    }
}
