using System.Runtime.InteropServices;

namespace ActorTrader.Actors;

/// <summary>
/// Ordered shutdown in phases, each with a timeout (Akka's <c>CoordinatedShutdown</c>). Tasks added to a
/// phase run concurrently; the next phase starts when they finish or the phase times out. Runs once,
/// on <see cref="ActorSystem.Terminate"/>, on SIGTERM/SIGINT, or on <see cref="Run"/>.
/// </summary>
public sealed class CoordinatedShutdown
{
    public const string PhaseBeforeServiceUnbind = "before-service-unbind";

    /// <summary>Stop taking new work: close listeners, stop ingestion sources.</summary>
    public const string PhaseStopIntake = "stop-intake";

    /// <summary>Let in-flight work finish: drain streams and mailboxes that matter.</summary>
    public const string PhaseDrain = "drain";

    /// <summary>Write snapshots and checkpoints so a restart replays little.</summary>
    public const string PhasePersistCheckpoints = "persist-checkpoints";

    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";

    /// <summary>Stops all actors; always last.</summary>
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    /// <summary>The phases in the order they run.</summary>
    public static readonly IReadOnlyList<string> OrderedPhases =
    [
        PhaseBeforeServiceUnbind, PhaseStopIntake, PhaseDrain, PhasePersistCheckpoints,
        PhaseBeforeActorSystemTerminate, PhaseActorSystemTerminate,
    ];

    private readonly ActorSystem _system;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<(string Name, Func<Task<Done>> Task)>> _tasks = new(StringComparer.Ordinal);
    private readonly List<PosixSignalRegistration> _signalRegistrations = [];
    private Task<Done>? _running;
    private int _phasesStarted; // how many phases have begun; tasks may still join the ones after

    internal CoordinatedShutdown(ActorSystem system)
    {
        _system = system;
        foreach (var phase in OrderedPhases) _tasks[phase] = [];
        AddTask(PhaseActorSystemTerminate, "terminate-actor-system", async () =>
        {
            await _system.StopAllActors().ConfigureAwait(false);
            return Done.Instance;
        });
        if (system.Settings.RunCoordinatedShutdownOnSignals) RegisterSignalHandlers();
    }

    /// <summary>Why shutdown was started.</summary>
    public abstract class Reason
    {
        public override string ToString() => GetType().Name;
    }

    public sealed class ActorSystemTerminateReason : Reason
    {
        public static readonly ActorSystemTerminateReason Instance = new();
    }

    public sealed class SignalReason(PosixSignal signal) : Reason
    {
        public PosixSignal Signal { get; } = signal;

        public override string ToString() => $"Signal {Signal}";
    }

    public sealed class UnknownReason : Reason
    {
        public static readonly UnknownReason Instance = new();
    }

    /// <summary>The reason of the run in progress or done, null before.</summary>
    public Reason? ShutdownReason { get; private set; }

    public bool IsRunning => Volatile.Read(ref _running) is not null;

    public static CoordinatedShutdown Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.CoordinatedShutdown;
    }

    /// <summary>Adds a task to a phase; throws for an unknown phase or once shutdown has started.</summary>
    public void AddTask(string phase, string taskName, Func<Task<Done>> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrEmpty(taskName);
        lock (_gate)
        {
            if (!_tasks.TryGetValue(phase, out var list))
                throw new ArgumentException($"Unknown coordinated-shutdown phase \"{phase}\". Known phases: {string.Join(", ", OrderedPhases)}.", nameof(phase));
            // As Akka: during shutdown a task may still join a phase that has not started yet.
            if (_running is not null && OrderedPhasesIndex(phase) < _phasesStarted)
                throw new InvalidOperationException($"Cannot add task \"{taskName}\" to phase \"{phase}\": that phase has already run.");
            list.Add((taskName, task));
        }
    }

    private static int OrderedPhasesIndex(string phase)
    {
        for (var i = 0; i < OrderedPhases.Count; i++)
        {
            if (OrderedPhases[i] == phase) return i;
        }
        return -1;
    }

    public TimeSpan PhaseTimeout(string phase) =>
        _system.Settings.PhaseTimeouts.TryGetValue(phase, out var timeout) ? timeout : _system.Settings.DefaultPhaseTimeout;

    /// <summary>Starts shutdown (once); later calls return the same task.</summary>
    public Task<Done> Run(Reason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (_gate)
        {
            if (_running is not null) return _running;
            ShutdownReason = reason;
            _running = Task.Run(() => RunPhases(reason));
            return _running;
        }
    }

    private async Task<Done> RunPhases(Reason reason)
    {
        _system.Logger.Information("Coordinated shutdown of {ActorSystem} started: {Reason}", _system.Name, reason.ToString());
        foreach (var phase in OrderedPhases)
        {
            List<(string Name, Func<Task<Done>> Task)> tasks;
            lock (_gate)
            {
                _phasesStarted++;
                tasks = [.. _tasks[phase]];
            }
            if (tasks.Count == 0) continue;
            var timeout = PhaseTimeout(phase);
            var all = Task.WhenAll(tasks.Select(t => RunTask(phase, t.Name, t.Task)));
            var timedOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var timer = new Cancelable();
            _system.Scheduler.ScheduleOnce(timeout, () => timedOut.TrySetResult(), timer);
            if (await Task.WhenAny(all, timedOut.Task).ConfigureAwait(false) != all)
            {
                _system.Logger.Warning("Coordinated shutdown phase {Phase} timed out after {Timeout}; continuing with the next phase", phase, timeout);
            }
            timer.Cancel();
        }
        return Done.Instance;
    }

    private async Task RunTask(string phase, string name, Func<Task<Done>> task)
    {
        try
        {
            await task().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _system.Logger.Error(e, "Coordinated shutdown task {Task} in phase {Phase} failed; continuing", name, phase);
        }
    }

    private void RegisterSignalHandlers()
    {
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
        {
            _signalRegistrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // Keep the process alive: the host exits when the system has terminated.
                context.Cancel = true;
                _ = Run(new SignalReason(context.Signal));
            }));
        }
    }

    internal void DisposeSignalHandlers()
    {
        foreach (var registration in _signalRegistrations) registration.Dispose();
        _signalRegistrations.Clear();
    }
}
