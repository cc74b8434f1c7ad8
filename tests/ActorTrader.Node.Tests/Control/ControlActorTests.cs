using ActorTrader.Actors;
using ActorTrader.Hosting.Control;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Control;
using ActorTrader.TestKit;

namespace ActorTrader.Node.Tests.Control;

public sealed class ControlActorTests : TestKit.TestKit, IDisposable
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);
    private readonly TempDirectory _dir = new();

    public ControlActorTests() : base(new TestKitSettings { VirtualTime = true })
    {
    }

    public void Dispose() => _dir.Dispose();

    private ControlSettings Settings => new(_dir.File("kill-switch"), _dir.File("halt-state.json"), WatchInterval);

    private IActorRef StartControl(string name = "control") => Sys.ActorOf(ControlActor.CreateProps(Settings), name);

    private async Task<HaltState> StateOf(IActorRef control) => await control.Ask<HaltState>(GetHaltState.Instance, DefaultTimeout);

    private async Task<ControlResult> Command(IActorRef control, object command) => await control.Ask<ControlResult>(command, DefaultTimeout);

    private void EngageKillSwitch(string text = "")
    {
        Directory.CreateDirectory(Settings.KillSwitchDir);
        File.WriteAllText(Settings.KillSwitchFile, text);
    }

    [Fact]
    public async Task A_node_without_a_halt_file_starts_active()
    {
        Assert.Equal(HaltState.Active, await StateOf(StartControl()));
    }

    [Fact]
    public async Task Halt_is_acknowledged_and_written_to_the_halt_file_with_the_scheduler_time()
    {
        var control = StartControl();

        var result = await Command(control, new Halt("broker outage", HaltState.ByOperator));

        Assert.True(result.Accepted);
        var expected = HaltState.HaltedNow("broker outage", Scheduler.Now, HaltState.ByOperator);
        Assert.Equal(expected, result.State);
        Assert.Equal(expected, HaltStateFile.Load(Settings.HaltFile, Scheduler.Now).State);
    }

    [Fact]
    public async Task A_restarted_control_actor_is_still_halted()
    {
        var first = StartControl("first");
        await Command(first, new Halt("stay down", HaltState.ByOperator));
        Watch(first);
        Sys.Stop(first);
        await ExpectTerminatedAsync(first);

        var state = await StateOf(StartControl("second"));

        Assert.True(state.Halted);
        Assert.Equal("stay down", state.Reason);
    }

    [Fact]
    public async Task Halting_twice_keeps_the_first_reason()
    {
        var control = StartControl();
        await Command(control, new Halt("first", HaltState.ByOperator));

        var second = await Command(control, new Halt("second", HaltState.ByOperator));

        Assert.Equal("first", second.State.Reason);
        Assert.Contains("Already halted", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_clears_the_halt_in_memory_and_on_disk()
    {
        var control = StartControl();
        await Command(control, new Halt("x", HaltState.ByOperator));

        var result = await Command(control, new Resume());

        Assert.True(result.Accepted);
        Assert.Equal(HaltState.Active, result.State);
        Assert.Equal(HaltState.Active, HaltStateFile.Load(Settings.HaltFile, Scheduler.Now).State);
    }

    [Fact]
    public async Task Rebalance_while_halted_is_refused_with_the_halt_reason()
    {
        var control = StartControl();
        await Command(control, new Halt("risk breach", HaltState.ByOperator));

        var result = await Command(control, new Rebalance("momentum"));

        Assert.False(result.Accepted);
        Assert.Contains("sleeve momentum", result.Message, StringComparison.Ordinal);
        Assert.Contains("risk breach", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebalance_while_active_is_acknowledged_with_no_sleeves_configured()
    {
        var result = await Command(StartControl(), new Rebalance(null));

        Assert.True(result.Accepted);
        Assert.Contains("no sleeves configured", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_halt_file_starts_the_node_halted_naming_the_file()
    {
        File.WriteAllText(Settings.HaltFile, "{ not json");

        var state = await StateOf(StartControl());

        Assert.True(state.Halted);
        Assert.Equal(HaltState.ByFailClosed, state.HaltedBy);
        Assert.Contains(Settings.HaltFile, state.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_HALT_file_present_at_start_halts_the_node()
    {
        EngageKillSwitch("maintenance");

        var state = await StateOf(StartControl());

        Assert.True(state.Halted);
        Assert.Equal(HaltState.ByKillSwitch, state.HaltedBy);
        Assert.Contains("maintenance", state.Reason, StringComparison.Ordinal);
        Assert.True(HaltStateFile.Load(Settings.HaltFile, Scheduler.Now).State.Halted);
    }

    [Fact]
    public async Task A_HALT_file_created_later_halts_the_node_at_the_next_check()
    {
        var control = StartControl();
        Assert.False((await StateOf(control)).Halted);
        EngageKillSwitch();

        Scheduler.Advance(WatchInterval);

        Assert.Equal(HaltState.ByKillSwitch, (await StateOf(control)).HaltedBy);
    }

    [Fact]
    public async Task Resume_is_refused_while_the_HALT_file_exists()
    {
        EngageKillSwitch();
        var control = StartControl();

        var result = await Command(control, new Resume());

        Assert.False(result.Accepted);
        Assert.Contains(Settings.KillSwitchFile, result.Message, StringComparison.Ordinal);
        Assert.True(result.State.Halted);
    }

    [Fact]
    public async Task A_halt_that_cannot_be_saved_still_halts_and_says_so()
    {
        var blocker = _dir.File("blocker");
        File.WriteAllText(blocker, "a file, not a directory");
        var settings = Settings with { HaltFile = Path.Combine(blocker, "halt-state.json") };
        var control = Sys.ActorOf(ControlActor.CreateProps(settings), "unsaved");

        var result = await Command(control, new Halt("x", HaltState.ByOperator));

        Assert.True(result.State.Halted);
        Assert.False(result.Accepted);
        Assert.Contains("could not be written", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_halt_that_could_not_be_saved_is_saved_by_the_next_halt_request()
    {
        var blocker = _dir.File("blocker");
        File.WriteAllText(blocker, "a file, not a directory");
        var settings = Settings with { HaltFile = Path.Combine(blocker, "halt-state.json") };
        var control = Sys.ActorOf(ControlActor.CreateProps(settings), "retried");
        await Command(control, new Halt("disk full", HaltState.ByOperator));
        File.Delete(blocker);

        var again = await Command(control, new Halt("disk full", HaltState.ByOperator));

        Assert.True(again.Accepted);
        Assert.Contains("now saved", again.Message, StringComparison.Ordinal);
        Assert.Equal("disk full", HaltStateFile.Load(settings.HaltFile, Scheduler.Now).State.Reason);
    }

    [Fact]
    public async Task A_halt_that_could_not_be_saved_is_saved_at_the_next_watch_tick()
    {
        var blocker = _dir.File("blocker");
        File.WriteAllText(blocker, "a file, not a directory");
        var settings = Settings with { HaltFile = Path.Combine(blocker, "halt-state.json") };
        var control = Sys.ActorOf(ControlActor.CreateProps(settings), "ticked");
        await Command(control, new Halt("disk full", HaltState.ByOperator));
        File.Delete(blocker);

        Scheduler.Advance(WatchInterval);
        await StateOf(control);

        Assert.True(HaltStateFile.Load(settings.HaltFile, Scheduler.Now).State.Halted);
    }

    [Fact]
    public async Task Removing_the_HALT_file_does_not_resume_the_node()
    {
        EngageKillSwitch("maintenance");
        var control = StartControl();
        Assert.True((await StateOf(control)).Halted);
        File.Delete(Settings.KillSwitchFile);

        Scheduler.Advance(WatchInterval);

        Assert.True((await StateOf(control)).Halted);
        Assert.True(HaltStateFile.Load(Settings.HaltFile, Scheduler.Now).State.Halted);
    }

    [Fact]
    public async Task Removing_the_HALT_file_keeps_an_operator_halt_until_resume()
    {
        var control = StartControl();
        await Command(control, new Halt("operator says stop", HaltState.ByOperator));
        EngageKillSwitch();
        Scheduler.Advance(WatchInterval);
        File.Delete(Settings.KillSwitchFile);
        Scheduler.Advance(WatchInterval);

        var state = await StateOf(control);

        Assert.True(state.Halted);
        Assert.Equal("operator says stop", state.Reason);
    }

    [Fact]
    public async Task A_kill_switch_directory_that_cannot_be_searched_halts_and_refuses_resume()
    {
        // A symbolic-link loop fails every lookup (ELOOP), as an unsearchable directory does, even for root.
        var loop = _dir.File("loop");
        File.CreateSymbolicLink(loop, loop);
        var settings = Settings with { KillSwitchDir = loop };
        var control = Sys.ActorOf(ControlActor.CreateProps(settings), "unsearchable");

        var state = await StateOf(control);
        var resume = await Command(control, new Resume());

        Assert.True(state.Halted);
        Assert.Equal(HaltState.ByKillSwitch, state.HaltedBy);
        Assert.False(resume.Accepted);
        Assert.Contains(settings.KillSwitchFile, resume.Message, StringComparison.Ordinal);
    }
}
