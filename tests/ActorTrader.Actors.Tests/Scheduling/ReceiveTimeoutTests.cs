using ActorTrader.Actors;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Scheduling;

/// <summary>
/// Receive timeout on virtual time. After every message that may reschedule the timeout, the test sends
/// <see cref="Identify"/> (which does not influence the timeout) and waits for the answer, so the actor has
/// rescheduled before virtual time moves on.
/// </summary>
public sealed class ReceiveTimeoutTests : TestKit.TestKit
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    public ReceiveTimeoutTests() : base(new TestKitSettings { VirtualTime = true })
    {
    }

    private sealed record SetTimeout(TimeSpan? Timeout) : INotInfluenceReceiveTimeout;

    private sealed record Nudge : INotInfluenceReceiveTimeout;

    private sealed record QuietPing : INotInfluenceReceiveTimeout;

    private sealed record LoudPing;

    private sealed record StartPeriodic(object Message, TimeSpan Interval) : INotInfluenceReceiveTimeout;

    private sealed class Idler : ReceiveActor, IWithTimers
    {
        public Idler(IActorRef reporter, TimeSpan? initialTimeout, bool turnOffOnTimeout)
        {
            if (initialTimeout is { } timeout) SetReceiveTimeout(timeout);
            Receive<SetTimeout>(m =>
            {
                SetReceiveTimeout(m.Timeout);
                Sender.Tell("set", Self);
            });
            Receive<ReceiveTimeout>(m =>
            {
                reporter.Tell(m, Self);
                if (turnOffOnTimeout) SetReceiveTimeout(null);
            });
            Receive<Nudge>(_ => Sender.Tell("nudged", Self));
            Receive<StartPeriodic>(m =>
            {
                Timers.StartPeriodicTimer("ping", m.Message, m.Interval);
                Sender.Tell("scheduled", Self);
            });
            Receive<QuietPing>(p => reporter.Tell(p, Self));
            Receive<LoudPing>(p => reporter.Tell(p, Self));
            Receive<string>(s => Sender.Tell("echo:" + s, Self));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }

    private IActorRef NewIdler(TimeSpan? initialTimeout, bool turnOffOnTimeout = false) =>
        Sys.ActorOf(Props.Create(() => new Idler(TestActor, initialTimeout, turnOffOnTimeout)));

    /// <summary>Waits until the actor has finished everything sent to it before.</summary>
    private async Task SyncAsync(IActorRef actor)
    {
        var id = Guid.NewGuid();
        actor.Tell(new Identify(id), TestActor);
        await ExpectMsgAsync<ActorIdentity>(i => Equals(i.MessageId, id));
    }

    [Fact]
    public async Task ReceiveTimeout_is_delivered_after_the_idle_period_and_not_before()
    {
        var idler = NewIdler(Idle);
        await SyncAsync(idler);

        Scheduler.Advance(Idle - Tick);
        await ExpectNoMsgAsync(Quiet);

        Scheduler.Advance(Tick);
        await ExpectMsgAsync<ReceiveTimeout>();
    }

    [Fact]
    public async Task A_receive_timeout_set_in_a_handler_starts_counting_from_then()
    {
        var idler = NewIdler(null);
        await SyncAsync(idler);
        Scheduler.Advance(TimeSpan.FromMinutes(1));
        await ExpectNoMsgAsync(Quiet);

        idler.Tell(new SetTimeout(Idle), TestActor);
        await ExpectMsgAsync("set");
        Scheduler.Advance(Idle - Tick);
        await ExpectNoMsgAsync(Quiet);
        Scheduler.Advance(Tick);

        await ExpectMsgAsync<ReceiveTimeout>();
    }

    [Fact]
    public async Task Each_message_resets_the_receive_timeout()
    {
        var idler = NewIdler(Idle);
        await SyncAsync(idler);
        Scheduler.Advance(TimeSpan.FromSeconds(3));

        idler.Tell("hello", TestActor);
        await ExpectMsgAsync("echo:hello");
        await SyncAsync(idler);

        Scheduler.Advance(Idle - Tick); // 8 s - 1 tick in total, 5 s - 1 tick since "hello"
        await ExpectNoMsgAsync(Quiet);
        Scheduler.Advance(Tick);
        await ExpectMsgAsync<ReceiveTimeout>();
    }

    [Fact]
    public async Task A_message_implementing_INotInfluenceReceiveTimeout_does_not_reset_the_receive_timeout()
    {
        var idler = NewIdler(Idle);
        await SyncAsync(idler);
        Scheduler.Advance(TimeSpan.FromSeconds(3));

        idler.Tell(new Nudge(), TestActor);
        await ExpectMsgAsync("nudged");
        await SyncAsync(idler);

        Scheduler.Advance(TimeSpan.FromSeconds(2)); // 5 s since the start
        await ExpectMsgAsync<ReceiveTimeout>();
    }

    [Fact]
    public async Task ReceiveTimeout_repeats_while_the_actor_stays_idle()
    {
        var idler = NewIdler(Idle);
        await SyncAsync(idler);

        for (var i = 0; i < 3; i++)
        {
            Scheduler.Advance(Idle - Tick);
            await ExpectNoMsgAsync(Quiet);
            Scheduler.Advance(Tick);
            await ExpectMsgAsync<ReceiveTimeout>();
            await SyncAsync(idler);
        }
    }

    [Fact]
    public async Task SetReceiveTimeout_null_turns_the_receive_timeout_off()
    {
        var idler = NewIdler(Idle);
        await SyncAsync(idler);

        idler.Tell(new SetTimeout(null), TestActor);
        await ExpectMsgAsync("set");
        Scheduler.Advance(TimeSpan.FromMinutes(10));

        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Turning_the_receive_timeout_off_in_its_handler_stops_further_timeouts()
    {
        var idler = NewIdler(Idle, turnOffOnTimeout: true);
        await SyncAsync(idler);
        Scheduler.Advance(Idle);
        await ExpectMsgAsync<ReceiveTimeout>();
        await SyncAsync(idler);

        Scheduler.Advance(TimeSpan.FromMinutes(10));

        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task A_timer_message_that_does_not_influence_the_receive_timeout_does_not_reset_it()
    {
        var idler = NewIdler(Idle);
        idler.Tell(new StartPeriodic(new QuietPing(), TimeSpan.FromSeconds(2)), TestActor);
        await ExpectMsgAsync("scheduled");

        Scheduler.Advance(TimeSpan.FromSeconds(2));
        await ExpectMsgAsync<QuietPing>();
        await SyncAsync(idler);
        Scheduler.Advance(TimeSpan.FromSeconds(2));
        await ExpectMsgAsync<QuietPing>();
        await SyncAsync(idler);

        Scheduler.Advance(TimeSpan.FromSeconds(1)); // 5 s since the start, 1 s since the last ping
        await ExpectMsgAsync<ReceiveTimeout>();
    }

    [Fact]
    public async Task An_ordinary_timer_message_resets_the_receive_timeout()
    {
        var idler = NewIdler(Idle);
        idler.Tell(new StartPeriodic(new LoudPing(), TimeSpan.FromSeconds(2)), TestActor);
        await ExpectMsgAsync("scheduled");

        Scheduler.Advance(TimeSpan.FromSeconds(2));
        await ExpectMsgAsync<LoudPing>();
        await SyncAsync(idler);
        Scheduler.Advance(TimeSpan.FromSeconds(2));
        await ExpectMsgAsync<LoudPing>();
        await SyncAsync(idler);

        Scheduler.Advance(TimeSpan.FromSeconds(1)); // 5 s since the start, 1 s since the last ping
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task The_context_reports_the_current_receive_timeout()
    {
        var reader = Sys.ActorOf(Props.Create(() => new TimeoutReader()));

        reader.Tell("read", TestActor);
        await ExpectMsgAsync(Idle.ToString());
        reader.Tell("off", TestActor);
        reader.Tell("read", TestActor);

        await ExpectMsgAsync("none");
    }

    private sealed class TimeoutReader : ReceiveActor
    {
        public TimeoutReader()
        {
            SetReceiveTimeout(Idle);
            Receive<string>(_ => SetReceiveTimeout(null), s => s == "off");
            Receive<string>(_ => Sender.Tell(Context.ReceiveTimeout?.ToString() ?? "none", Self), s => s == "read");
        }
    }
}
