namespace ActorTrader.Research.Actors;

/// <summary>Journaled: a new run of <see cref="Strategy"/> started; its population journals under the run id.</summary>
public sealed record ResearchRunStarted(string Strategy, string RunId, ulong Seed, DateTimeOffset At);

/// <summary>Journaled: an operator stopped the research of <see cref="Strategy"/>; the window does not start it until research start.</summary>
public sealed record ResearchStopped(string Strategy, string By, DateTimeOffset At);

/// <summary>Journaled: an operator started the research of <see cref="Strategy"/> again after a stop.</summary>
public sealed record ResearchResumed(string Strategy, DateTimeOffset At);
