using ActorTrader.Actors;
using ActorTrader.Hosting.Control;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Control;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Memory;
using ActorTrader.Persistence.Serialization;
using ActorTrader.TestKit;

namespace ActorTrader.Node.Tests.Control;

public sealed class ControlActorTests : TestKit.TestKit, IDisposable
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);
    private readonly TempDirectory _dir = new();

    private readonly FaultyJournal _journal;
    private readonly TestProbe _alerts;

    public ControlActorTests() : base(new TestKitSettings { VirtualTime = true })
    {
        var storage = new MemoryStorage();
        _journal = new FaultyJournal(new MemoryJournal(storage));
        var stores = new PersistenceStores(_journal, new MemorySnapshotStore(storage), new MemoryJournalQuery(storage));
        Persistence.Persistence.Install(Sys, new PersistenceSetup(stores, ControlEvents.Register(new EventSerializer())));
        _alerts = CreateTestProbe();
        Sys.EventStream.Subscribe(_alerts.Ref, typeof(PersistenceAlert));
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
    public async Task Halt_is_acknowledged_after_its_event_is_journaled_with_the_scheduler_time()
    {
        var control = StartControl();

        var result = await Command(control, new Halt("broker outage", HaltState.ByOperator));

        Assert.True(result.Accepted);
        Assert.Equal(HaltState.HaltedNow("broker outage", Scheduler.Now, HaltState.ByOperator), result.State);
        Assert.Equal(1, _journal.EventsOf(ControlActor.ControlPersistenceId));
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
    public async Task Resume_is_journaled_and_survives_a_restart()
    {
        var first = StartControl("first");
        await Command(first, new Halt("x", HaltState.ByOperator));

        var result = await Command(first, new Resume());
        Watch(first);
        Sys.Stop(first);
        await ExpectTerminatedAsync(first);

        Assert.True(result.Accepted);
        Assert.Equal(HaltState.Active, result.State);
        Assert.Equal(HaltState.Active, await StateOf(StartControl("second")));
        Assert.Equal(2, _journal.EventsOf(ControlActor.ControlPersistenceId));
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
        Assert.Equal(1, _journal.EventsOf(ControlActor.ControlPersistenceId));
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
    public async Task A_halt_that_cannot_be_journaled_is_never_acknowledged_and_the_actor_stops()
    {
        var control = StartControl();
        Assert.False((await StateOf(control)).Halted);
        Watch(control);
        _journal.FailWrites = true;

        control.Tell(new Halt("disk full", HaltState.ByOperator), TestActor);

        // No ControlResult: callers time out and treat the node as halted; the restarted actor replays the journal.
        await ExpectTerminatedAsync(control);
        var alert = await _alerts.ExpectMsgAsync<PersistenceAlert>();
        Assert.Equal(ControlActor.ControlPersistenceId, alert.PersistenceId);
    }

    [Fact]
    public async Task A_journal_that_cannot_be_replayed_stops_the_actor_instead_of_starting_active()
    {
        var first = StartControl("first");
        await Command(first, new Halt("keep me", HaltState.ByOperator));
        Watch(first);
        Sys.Stop(first);
        await ExpectTerminatedAsync(first);
        _journal.FailReplays = true;

        var second = StartControl("second");
        Watch(second);

        await ExpectTerminatedAsync(second);
        Assert.Equal(PersistenceFailure.Recovery, (await _alerts.ExpectMsgAsync<PersistenceAlert>()).Failure);
    }

    [Fact]
    public async Task A_halt_recorded_in_a_legacy_halt_file_is_imported_into_the_journal_once()
    {
        HaltStateFile.Save(Settings.HaltFile, HaltState.HaltedNow("from the file", Scheduler.Now, HaltState.ByOperator));
        var first = StartControl("first");
        Assert.Equal("from the file", (await StateOf(first)).Reason);
        await Command(first, new Resume());
        Watch(first);
        Sys.Stop(first);
        await ExpectTerminatedAsync(first);

        // The journal now has events, so the file is not read again: the resume stands.
        Assert.False((await StateOf(StartControl("second"))).Halted);
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
