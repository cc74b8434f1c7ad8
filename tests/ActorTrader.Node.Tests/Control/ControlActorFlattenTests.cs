using ActorTrader.Actors;
using ActorTrader.Hosting.Control;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Control;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Memory;
using ActorTrader.Persistence.Serialization;
using ActorTrader.TestKit;
using ActorTrader.Trading.Host;

namespace ActorTrader.Node.Tests.Control;

/// <summary>How the control actor tells the trading gate about halts: <see cref="OperatorHalt"/> events and answers, flatten included.</summary>
public sealed class ControlActorFlattenTests : TestKit.TestKit, IDisposable
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);
    private readonly TempDirectory _dir = new();
    private readonly TestProbe _halts;

    public ControlActorFlattenTests() : base(new TestKitSettings { VirtualTime = true })
    {
        Persistence.Persistence.Install(Sys, PersistenceSetup.InMemory(ControlEvents.Register(new EventSerializer()), new MemoryStorage()));
        _halts = CreateTestProbe();
        Sys.EventStream.Subscribe(_halts.Ref, typeof(OperatorHalt));
    }

    public void Dispose() => _dir.Dispose();

    private ControlSettings Settings => new(_dir.File("kill-switch"), _dir.File("halt-state.json"), WatchInterval);

    private IActorRef StartControl(string name = "control")
    {
        var control = Sys.ActorOf(ControlActor.CreateProps(Settings), name);
        _halts.ExpectMsg<OperatorHalt>();
        return control;
    }

    private async Task<ControlResult> Command(IActorRef control, object command) => await control.Ask<ControlResult>(command, DefaultTimeout);

    [Fact]
    public void After_recovery_the_halt_state_is_published_for_the_gate()
    {
        Sys.ActorOf(ControlActor.CreateProps(Settings), "control");

        Assert.Equal(OperatorHalt.Active, _halts.ExpectMsg<OperatorHalt>());
    }

    [Fact]
    public async Task A_halt_is_published_at_once_with_its_reason_and_time()
    {
        var control = StartControl();

        await Command(control, new Halt("broker outage", HaltState.ByOperator));

        var halt = _halts.ExpectMsg<OperatorHalt>();
        Assert.True(halt.Halted);
        Assert.False(halt.Flatten);
        Assert.Equal("broker outage", halt.Reason);
        Assert.Equal(Scheduler.Now, halt.Since);
    }

    [Fact]
    public async Task A_halt_with_flatten_is_published_with_flatten_and_says_so()
    {
        var control = StartControl();

        var result = await Command(control, new Halt("flatten now", HaltState.ByOperator, Flatten: true));

        Assert.True(_halts.ExpectMsg<OperatorHalt>().Flatten);
        Assert.Contains("Closing every position", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flatten_asked_of_an_already_halted_node_closes_the_positions_of_that_halt()
    {
        var control = StartControl();
        await Command(control, new Halt("first", HaltState.ByOperator));
        var first = _halts.ExpectMsg<OperatorHalt>();

        await Command(control, new Halt("again", HaltState.ByOperator, Flatten: true));

        var flatten = _halts.ExpectMsg<OperatorHalt>();
        Assert.True(flatten.Flatten);
        Assert.Equal(first.Since, flatten.Since);
        Assert.Equal("first", flatten.Reason);
    }

    [Fact]
    public async Task A_requested_flatten_is_journaled_so_a_restarted_node_flattens_again()
    {
        var first = StartControl("first");
        await Command(first, new Halt("stay flat", HaltState.ByOperator, Flatten: true));
        _halts.ExpectMsg<OperatorHalt>();
        Watch(first);
        Sys.Stop(first);
        await ExpectTerminatedAsync(first);

        Sys.ActorOf(ControlActor.CreateProps(Settings), "second");

        var recovered = _halts.ExpectMsg<OperatorHalt>();
        Assert.True(recovered.Halted && recovered.Flatten);
    }

    [Fact]
    public async Task Resume_publishes_the_end_of_the_halt_and_forgets_the_flatten()
    {
        var control = StartControl();
        await Command(control, new Halt("x", HaltState.ByOperator, Flatten: true));
        _halts.ExpectMsg<OperatorHalt>();

        await Command(control, new Resume());

        Assert.Equal(OperatorHalt.Active, _halts.ExpectMsg<OperatorHalt>());
        Assert.Equal(OperatorHalt.Active, await control.Ask<OperatorHalt>(GetOperatorHalt.Instance, DefaultTimeout));
    }

    [Fact]
    public void A_HALT_file_is_published_as_a_halt_by_the_kill_switch()
    {
        StartControl();
        Directory.CreateDirectory(Settings.KillSwitchDir);
        File.WriteAllText(Settings.KillSwitchFile, "maintenance");

        Scheduler.Advance(WatchInterval);

        var halt = _halts.ExpectMsg<OperatorHalt>();
        Assert.True(halt.Halted);
        Assert.Equal(HaltState.ByKillSwitch, halt.HaltedBy);
        Assert.Contains("maintenance", halt.Reason, StringComparison.Ordinal);
    }
}
