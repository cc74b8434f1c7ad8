using Serilog;

namespace ActorTrader.Actors;

/// <summary>Settings of an <see cref="ActorSystem"/>; the defaults suit a production node.</summary>
public sealed record ActorSystemSetup
{
    /// <summary>Messages an actor may process per turn on the default dispatcher before yielding its thread.</summary>
    public int DefaultDispatcherThroughput { get; init; } = 100;

    /// <summary>Timeout for <c>Ask</c> calls that give none; null waits forever (Akka's default).</summary>
    public TimeSpan? DefaultAskTimeout { get; init; }

    /// <summary>Serilog logger for the runtime and actors; defaults to <see cref="Log.Logger"/>.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>Makes the scheduler (and clock) for the system; a test installs virtual time here.</summary>
    public Func<IScheduler>? SchedulerFactory { get; init; }

    /// <summary>How many dead letters are logged (all are published on the event stream).</summary>
    public int DeadLetterLogLimit { get; init; } = 10;

    /// <summary>Run coordinated shutdown on SIGTERM and SIGINT (on for hosts, off in tests).</summary>
    public bool RunCoordinatedShutdownOnSignals { get; init; } = true;

    /// <summary>Timeout of each coordinated-shutdown phase, unless <see cref="PhaseTimeouts"/> names it.</summary>
    public TimeSpan DefaultPhaseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public IReadOnlyDictionary<string, TimeSpan> PhaseTimeouts { get; init; } = new Dictionary<string, TimeSpan>();
}
