using ActorTrader.Research.Actors.Population;

namespace ActorTrader.Research.Actors;

/// <summary>
/// Start evolving <see cref="Strategies"/> (null: the configured ones) now, whatever the window: <see cref="Generations"/>
/// more generations each (null: up to the run's limit); <see cref="NewRun"/> ends the current runs and starts new ones
/// (new pinned windows; the bandit tables carry over). Clears an operator's stop. Answered with <see cref="ResearchStarted"/>
/// or <see cref="ResearchRefused"/>.
/// </summary>
public sealed record StartResearch(IReadOnlyList<string>? Strategies = null, int? Generations = null, bool NewRun = false);

public sealed record ResearchStarted(IReadOnlyList<ResearchRun> Runs);

/// <summary>The run a strategy evolves in; <see cref="New"/> when it started with this request.</summary>
public sealed record ResearchRun(string Strategy, string RunId, bool New);

/// <summary>A request the supervisor cannot do; <see cref="Reason"/> names the input and the fix.</summary>
public sealed record ResearchRefused(string Reason, bool UnknownStrategy = false);

/// <summary>Pause every population now (not journaled: the window or an operator starts them again). Answered with <see cref="ResearchPaused"/>.</summary>
public sealed record PauseResearch(string Reason);

public sealed record ResearchPaused(IReadOnlyList<string> Strategies);

/// <summary>An operator's stop, journaled: the populations pause and the window does not start them until <see cref="StartResearch"/>. Answered with <see cref="ResearchStopReport"/>.</summary>
public sealed record StopResearch(IReadOnlyList<string>? Strategies, string By);

public sealed record ResearchStopReport(IReadOnlyList<string> Stopped);

/// <summary>Asks for the <see cref="ResearchStatus"/> (once every population has recovered).</summary>
public sealed record GetResearchStatus
{
    public static GetResearchStatus Instance { get; } = new();
}

/// <summary>Answered with the <see cref="ResearchStatus"/> once no population is loading or evolving.</summary>
public sealed record WhenResearchIdle
{
    public static WhenResearchIdle Instance { get; } = new();
}

/// <summary>Every population (configured or with a run), the window and whether the supervisor follows it.</summary>
public sealed record ResearchStatus(IReadOnlyList<PopulationStatus> Populations, string Window, bool FollowsWindow, bool WindowOpen, DateTimeOffset? NextWindowChange);

/// <summary>Asks for a strategy's <see cref="PopulationHistory"/>; an unknown name gets <see cref="ResearchRefused"/>.</summary>
public sealed record GetResearchHistory(string Strategy);

/// <summary>Published on the event stream when the research window opens or closes.</summary>
public sealed record ResearchWindowChanged(bool Open, DateTimeOffset At, DateTimeOffset? NextChange);

internal sealed record WindowTick
{
    public static WindowTick Instance { get; } = new();
}
