using ActorTrader.Actors;
using ActorTrader.Hosting.Control;
using ActorTrader.Hosting.Logging;
using ActorTrader.Hosting.Settings;
using ActorTrader.Persistence;
using ActorTrader.Trading.Host;
using Serilog.Context;

namespace ActorTrader.Node.Control;

/// <summary>
/// <c>/user/control</c>: owns the halt state, event-sourced in the journal. A halt or resume is acknowledged only
/// after its event is durable; a restarted node replays the journal and is still halted. Fail-closed: if the journal
/// cannot be read the actor stops (it never starts as "not halted"), and a halt that cannot be written stops it too,
/// so callers see no answer and must treat the node as halted. The kill-switch directory is checked after recovery
/// and every <see cref="ControlSettings.WatchInterval"/> for a HALT file. The trading gate learns the halt as an
/// <see cref="OperatorHalt"/>: published on the event stream after recovery and after every change, and the answer to
/// <see cref="GetOperatorHalt"/>; a halt with flatten is journaled too, so after a restart the gate closes positions again
/// (with the same client order ids: nothing is placed twice).
/// </summary>
public sealed class ControlActor : ReceivePersistentActor, IWithTimers
{
    /// <summary>The journal id of the node's halt state.</summary>
    public const string ControlPersistenceId = "node-control";

    private const string KillSwitchTimer = "kill-switch";
    private readonly ControlSettings _settings;
    private readonly string _persistenceId;
    private readonly KillSwitch _killSwitch;
    private HaltState _state = HaltState.Active;
    private bool _flatten;

    public ControlActor(ControlSettings settings, string persistenceId = ControlPersistenceId)
    {
        _settings = settings;
        _persistenceId = persistenceId;
        _killSwitch = new KillSwitch(settings.KillSwitchFile);

        Recover<NodeHalted>(Apply);
        Recover<NodeResumed>(Apply);
        Recover<NodeFlattenRequested>(Apply);
        Recover<RecoveryCompleted>(_ => OnRecovered());

        Command<GetHaltState>(_ => Sender.Tell(_state, Self));
        Command<GetOperatorHalt>(_ => Sender.Tell(OperatorHalt(), Self));
        Command<Halt>(halt => WithCorrelation(halt.CorrelationId, () => HandleHalt(halt)));
        Command<Resume>(resume => WithCorrelation(resume.CorrelationId, () => HandleResume(resume)));
        Command<Rebalance>(rebalance => WithCorrelation(rebalance.CorrelationId, () => Sender.Tell(HandleRebalance(rebalance), Self)));
        Command<CheckKillSwitch>(_ => CheckKillSwitchFile());
    }

    public override string PersistenceId => _persistenceId;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props CreateProps(ControlSettings settings) => Props.Create(() => new ControlActor(settings, ControlPersistenceId));

    /// <summary>
    /// In a cluster the nodes share one journal, so each node's halt state has its own id (<c>node-control-&lt;node&gt;</c>);
    /// the control log keeps them in step.
    /// </summary>
    public static Props CreateProps(ControlSettings settings, string nodeName) => Props.Create(() => new ControlActor(settings, ControlPersistenceId + "-" + nodeName));

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    private void Apply(NodeHalted halted) => _state = HaltState.HaltedNow(halted.Reason, halted.At, halted.HaltedBy);

    private void Apply(NodeResumed resumed)
    {
        _state = HaltState.Active;
        _flatten = false;
    }

    private void Apply(NodeFlattenRequested requested) => _flatten = _state.Halted && requested.HaltedAt == _state.Since;

    /// <summary>The halt as the trading gate sees it.</summary>
    private OperatorHalt OperatorHalt() => new(_state.Halted, _state.Reason, _state.Since, _state.HaltedBy, _state.Halted && _flatten);

    private void PublishHalt() => Context.System.EventStream.Publish(OperatorHalt());

    private void OnRecovered()
    {
        if (LastSequenceNr == 0) ImportLegacyHaltFile();
        else if (_state.Halted) Log.Warning("Node starts halted since {Since:o}: {Reason}", _state.Since, _state.Reason);
        CheckKillSwitchFile();
        PublishHalt();
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
            PublishHalt();
            Log.Warning("Node starts halted since {Since:o}: {Reason} (imported from {HaltFile})", halted.At, halted.Reason, _settings.HaltFile);
        });
    }

    private void HandleHalt(Halt halt)
    {
        var replyTo = Sender;
        if (_state.Halted)
        {
            var already = $"Already halted since {_state.Since:u} ({_state.Reason}); the first reason is kept.";
            if (!halt.Flatten || _flatten)
            {
                replyTo.Tell(new ControlResult(true, already + (_flatten ? " Positions are being closed (flatten)." : ""), _state), Self);
                return;
            }
            Persist(new NodeFlattenRequested(_state.Since!.Value, Now), requested => WithCorrelation(halt.CorrelationId, () =>
            {
                Apply(requested);
                Log.Warning("Flatten requested by {HaltedBy} for the halt since {Since:o}: closing every position", halt.HaltedBy, _state.Since);
                PublishHalt();
                replyTo.Tell(new ControlResult(true, already + " Closing every position (flatten).", _state), Self);
            }));
            return;
        }
        // Until the event is durable, commands (status included) wait in the stash: nobody sees "active" after a halt request.
        var at = Now;
        Persist(new NodeHalted(halt.Reason, halt.HaltedBy, at), halted => WithCorrelation(halt.CorrelationId, () =>
        {
            Apply(halted);
            Log.Warning("Trading halted by {HaltedBy}: {Reason}", halted.HaltedBy, halted.Reason);
            if (!halt.Flatten)
            {
                PublishHalt();
                replyTo.Tell(new ControlResult(true, $"Halted: {halted.Reason}", _state), Self);
            }
        }));
        if (!halt.Flatten) return;
        Persist(new NodeFlattenRequested(at, at), requested => WithCorrelation(halt.CorrelationId, () =>
        {
            Apply(requested);
            PublishHalt();
            replyTo.Tell(new ControlResult(true, $"Halted: {_state.Reason}. Closing every position (flatten).", _state), Self);
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
            PublishHalt();
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
            PublishHalt();
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
