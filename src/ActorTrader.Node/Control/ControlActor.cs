using ActorTrader.Actors;
using ActorTrader.Hosting.Control;
using ActorTrader.Hosting.Logging;
using ActorTrader.Hosting.Settings;
using ActorTrader.Persistence;
using Serilog.Context;

namespace ActorTrader.Node.Control;

/// <summary>
/// <c>/user/control</c>: owns the halt state, event-sourced in the journal. A halt or resume is acknowledged only
/// after its event is durable; a restarted node replays the journal and is still halted. Fail-closed: if the journal
/// cannot be read the actor stops (it never starts as "not halted"), and a halt that cannot be written stops it too,
/// so callers see no answer and must treat the node as halted. The kill-switch directory is checked after recovery
/// and every <see cref="ControlSettings.WatchInterval"/> for a HALT file.
/// </summary>
public sealed class ControlActor : ReceivePersistentActor, IWithTimers
{
    /// <summary>The journal id of the node's halt state.</summary>
    public const string ControlPersistenceId = "node-control";

    private const string KillSwitchTimer = "kill-switch";
    private readonly ControlSettings _settings;
    private readonly KillSwitch _killSwitch;
    private HaltState _state = HaltState.Active;

    public ControlActor(ControlSettings settings)
    {
        _settings = settings;
        _killSwitch = new KillSwitch(settings.KillSwitchFile);

        Recover<NodeHalted>(Apply);
        Recover<NodeResumed>(Apply);
        Recover<RecoveryCompleted>(_ => OnRecovered());

        Command<GetHaltState>(_ => Sender.Tell(_state, Self));
        Command<Halt>(halt => WithCorrelation(halt.CorrelationId, () => HandleHalt(halt)));
        Command<Resume>(resume => WithCorrelation(resume.CorrelationId, () => HandleResume(resume)));
        Command<Rebalance>(rebalance => WithCorrelation(rebalance.CorrelationId, () => Sender.Tell(HandleRebalance(rebalance), Self)));
        Command<CheckKillSwitch>(_ => CheckKillSwitchFile());
    }

    public override string PersistenceId => ControlPersistenceId;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props CreateProps(ControlSettings settings) => Props.Create(() => new ControlActor(settings));

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    private void Apply(NodeHalted halted) => _state = HaltState.HaltedNow(halted.Reason, halted.At, halted.HaltedBy);

    private void Apply(NodeResumed resumed) => _state = HaltState.Active;

    private void OnRecovered()
    {
        if (LastSequenceNr == 0) ImportLegacyHaltFile();
        else if (_state.Halted) Log.Warning("Node starts halted since {Since:o}: {Reason}", _state.Since, _state.Reason);
        CheckKillSwitchFile();
        Timers.StartPeriodicTimer(KillSwitchTimer, CheckKillSwitch.Instance, _settings.WatchInterval);
    }

    /// <summary>
    /// Nodes before the journal kept the halt state in a JSON file. When the journal has no control events yet, a halt
    /// recorded there (or a file that cannot be read: fail-closed) is journaled once, so upgrading never resumes trading.
    /// </summary>
    private void ImportLegacyHaltFile()
    {
        var load = HaltStateFile.Load(_settings.HaltFile, Now);
        if (load.Error is not null) Log.Error("{Error}", load.Error);
        if (!load.State.Halted) return;
        Persist(new NodeHalted(load.State.Reason ?? "imported halt", load.State.HaltedBy ?? HaltState.ByFailClosed, load.State.Since ?? Now), halted =>
        {
            Apply(halted);
            Log.Warning("Node starts halted since {Since:o}: {Reason} (imported from {HaltFile})", halted.At, halted.Reason, _settings.HaltFile);
        });
    }

    private void HandleHalt(Halt halt)
    {
        if (_state.Halted)
        {
            Sender.Tell(new ControlResult(true, $"Already halted since {_state.Since:u} ({_state.Reason}); the first reason is kept.", _state), Self);
            return;
        }
        var replyTo = Sender;
        // Until the event is durable, commands (status included) wait in the stash: nobody sees "active" after a halt request.
        Persist(new NodeHalted(halt.Reason, halt.HaltedBy, Now), halted => WithCorrelation(halt.CorrelationId, () =>
        {
            Apply(halted);
            Log.Warning("Trading halted by {HaltedBy}: {Reason}", halted.HaltedBy, halted.Reason);
            replyTo.Tell(new ControlResult(true, $"Halted: {halted.Reason}", _state), Self);
        }));
    }

    private void HandleResume(Resume resume)
    {
        if (_killSwitch.EngagedReason() is { } engaged)
        {
            Sender.Tell(new ControlResult(false, $"Refused: the kill switch is engaged ({engaged}). Fix: delete {_killSwitch.FilePath}, then resume.", _state), Self);
            return;
        }
        if (!_state.Halted)
        {
            Sender.Tell(new ControlResult(true, "Not halted; nothing to resume.", _state), Self);
            return;
        }
        var replyTo = Sender;
        var previous = _state;
        Persist(new NodeResumed(Now), resumed => WithCorrelation(resume.CorrelationId, () =>
        {
            Apply(resumed);
            Log.Warning("Trading resumed (was halted since {Since:o}: {Reason})", previous.Since, previous.Reason);
            replyTo.Tell(new ControlResult(true, "Resumed.", _state), Self);
        }));
    }

    private ControlResult HandleRebalance(Rebalance rebalance)
    {
        var target = rebalance.Sleeve is null ? "all sleeves" : $"sleeve {rebalance.Sleeve}";
        if (_state.Halted)
            return new ControlResult(false, $"Refused: rebalance of {target} while halted since {_state.Since:u} ({_state.Reason}). Fix: actortrader resume first.", _state);
        // Trading actors are not there yet; the request is acknowledged so operators and scripts can rely on the route.
        Log.Info("Rebalance of {Target} requested: no sleeves configured", target);
        return new ControlResult(true, $"Rebalance of {target} acknowledged: no sleeves configured.", _state);
    }

    private void CheckKillSwitchFile()
    {
        if (_state.Halted || _killSwitch.EngagedReason() is not { } reason) return;
        Persist(new NodeHalted(reason, HaltState.ByKillSwitch, Now), halted =>
        {
            Apply(halted);
            Log.Warning("Trading halted by the kill switch: {Reason}", halted.Reason);
        });
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // The actor stops after this (the state in the journal is unknown); the supervisor restarts it from the journal.
        Log.Error(cause, "The halt state could not be journaled ({Event}); the control actor stops and callers must treat the node as halted", @event.GetType().Name);
    }

    protected override void OnRecoveryFailure(Exception reason, object? @event)
    {
        Log.Error(reason, "The halt state could not be recovered from the journal; the control actor stops (fail-closed) and callers must treat the node as halted");
    }

    private static void WithCorrelation(string? correlationId, Action action)
    {
        using (correlationId is null ? null : LogContext.PushProperty(LogProperties.CorrelationId, correlationId))
        {
            action();
        }
    }
}
