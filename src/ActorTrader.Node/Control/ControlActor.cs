using ActorTrader.Actors;
using ActorTrader.Hosting.Control;
using ActorTrader.Hosting.Logging;
using ActorTrader.Hosting.Settings;
using Serilog.Context;

namespace ActorTrader.Node.Control;

/// <summary>
/// <c>/user/control</c>: owns the halt state. Every change is written to the halt-state file before it is
/// acknowledged; the file is read on start (unreadable means halted), and the kill-switch directory is
/// checked on start and every <see cref="ControlSettings.WatchInterval"/> for a HALT file.
/// </summary>
public sealed class ControlActor : ReceiveActor, IWithTimers
{
    private const string KillSwitchTimer = "kill-switch";
    private readonly ControlSettings _settings;
    private readonly KillSwitch _killSwitch;
    private readonly ILoggingAdapter _log;
    private HaltState _state = HaltState.Active;
    // False while the state in memory is not what the halt file says (its last write failed).
    private bool _saved = true;

    public ControlActor(ControlSettings settings)
    {
        _settings = settings;
        _killSwitch = new KillSwitch(settings.KillSwitchFile);
        _log = Context.GetLogger();
        Receive<GetHaltState>(_ => Sender.Tell(_state, Self));
        Receive<Halt>(halt => WithCorrelation(halt.CorrelationId, () => Sender.Tell(HandleHalt(halt), Self)));
        Receive<Resume>(resume => WithCorrelation(resume.CorrelationId, () => Sender.Tell(HandleResume(), Self)));
        Receive<Rebalance>(rebalance => WithCorrelation(rebalance.CorrelationId, () => Sender.Tell(HandleRebalance(rebalance), Self)));
        Receive<CheckKillSwitch>(_ => CheckKillSwitchFile());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props CreateProps(ControlSettings settings) => Props.Create(() => new ControlActor(settings));

    protected override void PreStart()
    {
        var load = HaltStateFile.Load(_settings.HaltFile, Now);
        _state = load.State;
        if (load.Error is not null) _log.Error("{Error}", load.Error);
        else if (_state.Halted) _log.Warning("Node starts halted since {Since:o}: {Reason}", _state.Since, _state.Reason);
        CheckKillSwitchFile();
        Timers.StartPeriodicTimer(KillSwitchTimer, CheckKillSwitch.Instance, _settings.WatchInterval);
    }

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    private ControlResult HandleHalt(Halt halt)
    {
        if (_state.Halted)
        {
            var already = $"Already halted since {_state.Since:u} ({_state.Reason}); the first reason is kept.";
            // A halt that could not be written would not survive a restart: every later halt request retries the write.
            if (_saved) return new ControlResult(true, already, _state);
            var retry = Apply(_state);
            return new ControlResult(retry is null, retry is null ? $"{already} It is now saved." : $"{already} But {retry}", _state);
        }
        var saved = Apply(HaltState.HaltedNow(halt.Reason, Now, halt.HaltedBy));
        _log.Warning("Trading halted by {HaltedBy}: {Reason}", halt.HaltedBy, halt.Reason);
        // Halted in memory either way (fail-closed), but not accepted as done: it would not survive a restart.
        return new ControlResult(saved is null, saved is null ? $"Halted: {halt.Reason}" : $"Halted in memory only: {halt.Reason}. But {saved}", _state);
    }

    private ControlResult HandleResume()
    {
        if (_killSwitch.EngagedReason() is { } engaged)
            return new ControlResult(false, $"Refused: the kill switch is engaged ({engaged}). Fix: delete {_killSwitch.FilePath}, then resume.", _state);
        if (!_state.Halted) return new ControlResult(true, "Not halted; nothing to resume.", _state);
        var (previous, previousSaved) = (_state, _saved);
        var error = Apply(HaltState.Active);
        if (error is not null)
        {
            // Could not record the resume durably: stay halted; the atomic write left the file as it was.
            (_state, _saved) = (previous, previousSaved);
            return new ControlResult(false, $"Refused: {error}", _state);
        }
        _log.Warning("Trading resumed (was halted since {Since:o}: {Reason})", previous.Since, previous.Reason);
        return new ControlResult(true, "Resumed.", _state);
    }

    private ControlResult HandleRebalance(Rebalance rebalance)
    {
        var target = rebalance.Sleeve is null ? "all sleeves" : $"sleeve {rebalance.Sleeve}";
        if (_state.Halted)
            return new ControlResult(false, $"Refused: rebalance of {target} while halted since {_state.Since:u} ({_state.Reason}). Fix: actortrader resume first.", _state);
        // Trading actors are not there yet; the request is acknowledged so operators and scripts can rely on the route.
        _log.Info("Rebalance of {Target} requested: no sleeves configured", target);
        return new ControlResult(true, $"Rebalance of {target} acknowledged: no sleeves configured.", _state);
    }

    private void CheckKillSwitchFile()
    {
        if (_state.Halted)
        {
            if (!_saved) RetrySave();
            return;
        }
        if (_killSwitch.EngagedReason() is not { } reason) return;
        var error = Apply(HaltState.HaltedNow(reason, Now, HaltState.ByKillSwitch));
        _log.Warning("Trading halted by the kill switch: {Reason}", reason);
        if (error is not null) _log.Error("{Error}", error);
    }

    /// <summary>Writes a halt that could not be written before, so it survives a restart once the disk allows.</summary>
    private void RetrySave()
    {
        try
        {
            HaltStateFile.Save(_settings.HaltFile, _state);
            _saved = true;
            _log.Warning("Halt state saved to {HaltFile} after an earlier failure", _settings.HaltFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The first failure was logged as an error; repeating it every watch interval would bury it.
            _log.Debug("Halt state still not saved to {HaltFile}: {Error}", _settings.HaltFile, e.Message);
        }
    }

    /// <summary>Sets the state and writes it; returns the write error, logged, or null when saved.</summary>
    private string? Apply(HaltState state)
    {
        _state = state;
        _saved = false;
        try
        {
            HaltStateFile.Save(_settings.HaltFile, state);
            _saved = true;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var error = $"the halt state could not be written to {_settings.HaltFile} ({e.Message}). Fix: make that directory writable.";
            _log.Error(e, "Halt state not saved: {Error}", error);
            return error;
        }
    }

    private static void WithCorrelation(string? correlationId, Action action)
    {
        using (correlationId is null ? null : LogContext.PushProperty(LogProperties.CorrelationId, correlationId))
        {
            action();
        }
    }
}
