using ActorTrader.Actors;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Ask;

/// <summary>Ask timeouts on virtual time: the timeout follows the system scheduler, so the test decides when it elapses.</summary>
public sealed class AskTimeoutTests : TestKit.TestKit
{
    private static readonly TimeSpan DefaultAskTimeout = TimeSpan.FromSeconds(10);

    public AskTimeoutTests()
        : base(new TestKitSettings { VirtualTime = true, Setup = new ActorSystemSetup { DefaultAskTimeout = DefaultAskTimeout } })
    {
    }

    /// <summary>Never answers at once; on "release" sends a late reply to the last asker.</summary>
    private sealed class Procrastinator : ReceiveActor
    {
        private IActorRef? _asker;

        public Procrastinator()
        {
            Receive<string>(_ => _asker?.Tell("late-reply", Self), s => s == "release");
            Receive<string>(_ => _asker = Sender);
        }
    }

    [Fact]
    public async Task Ask_without_a_reply_throws_AskTimeoutException_naming_the_recipient()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Procrastinator()), "procrastinator");
        var ask = silent.Ask<string>("question", TimeSpan.FromSeconds(5));

        Scheduler.Advance(TimeSpan.FromSeconds(5));

        var thrown = await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
        Assert.Contains(silent.Path.ToString(), thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_does_not_time_out_before_its_timeout_has_elapsed()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Procrastinator()));
        var ask = silent.Ask<string>("question", TimeSpan.FromSeconds(5));

        Scheduler.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));

        Assert.False(ask.IsCompleted);
    }

    [Fact]
    public async Task Ask_without_an_explicit_timeout_uses_the_system_default()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Procrastinator()));
        var ask = silent.Ask<string>("question");

        Scheduler.Advance(DefaultAskTimeout - TimeSpan.FromTicks(1));
        Assert.False(ask.IsCompleted);
        Scheduler.Advance(TimeSpan.FromTicks(1));

        await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
    }

    [Fact]
    public async Task The_temporary_actor_is_removed_after_the_Ask_times_out()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Procrastinator()));
        var ask = silent.Ask<string>("question", TimeSpan.FromSeconds(5));
        Assert.Equal(1, Sys.TempActorCount);

        Scheduler.Advance(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask);

        Assert.Equal(0, Sys.TempActorCount);
    }

    [Fact]
    public async Task A_reply_after_the_timeout_goes_to_dead_letters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var procrastinator = Sys.ActorOf(Props.Create(() => new Procrastinator()));
        var ask = procrastinator.Ask<string>("question", TimeSpan.FromSeconds(5));
        Scheduler.Advance(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask);

        procrastinator.Tell("release", TestActor);

        var deadLetter = await deadLetters.FishForMessageAsync<DeadLetter>(d => Equals(d.Message, "late-reply"));
        Assert.Equal(procrastinator, deadLetter.Sender);
        Assert.Equal("temp", deadLetter.Recipient.Path.Elements[0]);
    }

    [Fact]
    public async Task A_reply_before_the_timeout_completes_the_Ask_and_the_timeout_then_has_no_effect()
    {
        var procrastinator = Sys.ActorOf(Props.Create(() => new Procrastinator()));
        var ask = procrastinator.Ask<string>("question", TimeSpan.FromSeconds(5));
        procrastinator.Tell("release", TestActor);
        Assert.Equal("late-reply", await ask);

        Scheduler.Advance(TimeSpan.FromSeconds(5));

        Assert.True(ask.IsCompletedSuccessfully);
        Assert.Equal(0, Sys.TempActorCount);
    }
}
