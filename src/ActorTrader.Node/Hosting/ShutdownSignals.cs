using System.Runtime.InteropServices;
using ActorTrader.Actors;
using ILogger = Serilog.ILogger;

namespace ActorTrader.Node.Hosting;

/// <summary>
/// SIGTERM/SIGINT handling: the first signal runs coordinated shutdown (and arms the overall
/// <c>shutdown.timeout</c>); a second signal, or the timeout, forces the exit.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    /// <summary>Exit code when the node had to be forced down.</summary>
    public const int ForcedExitCode = 130;

    private readonly ActorSystem _system;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Action<int> _forceExit;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signals;

    public ShutdownSignals(ActorSystem system, TimeSpan timeout, TimeProvider time, ILogger log, Action<int> forceExit)
    {
        _system = system;
        _timeout = timeout;
        _time = time;
        _log = log;
        _forceExit = forceExit;
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
    }

    /// <summary>When the first signal arrived; null before.</summary>
    public long? ShutdownStartedTimestamp { get; private set; }

    private void OnSignal(PosixSignalContext context)
    {
        // The process stays up until the actor system has terminated (or the exit is forced).
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) > 1)
        {
            _log.Warning("Second {Signal}: forcing exit without finishing shutdown", context.Signal);
            _forceExit(ForcedExitCode);
            return;
        }
        Begin(new CoordinatedShutdown.SignalReason(context.Signal));
    }

    /// <summary>Starts coordinated shutdown with the overall timeout armed; later calls do nothing.</summary>
    public void Begin(CoordinatedShutdown.Reason reason)
    {
        lock (_registrations)
        {
            if (ShutdownStartedTimestamp is not null) return;
            ShutdownStartedTimestamp = _time.GetTimestamp();
        }
        _log.Information("{Reason}: shutting down (at most {Timeout} s; a second signal forces exit)", reason.ToString(), _timeout.TotalSeconds);
        _ = CoordinatedShutdown.Get(_system).Run(reason);
        _ = ForceExitAfterTimeout();
    }

    private async Task ForceExitAfterTimeout()
    {
        var deadline = Task.Delay(_timeout, _time);
        if (await Task.WhenAny(_system.WhenTerminated, deadline).ConfigureAwait(false) == deadline)
        {
            _log.Error("Shutdown did not finish within {Timeout} s (actortrader.shutdown.timeout); forcing exit", _timeout.TotalSeconds);
            _forceExit(ForcedExitCode);
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _registrations.Clear();
    }
}
