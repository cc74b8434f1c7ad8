namespace ActorTrader.Hosting.Management;

/// <summary><c>GET /api/research/status</c>: the research window and every population of the node (configured or with a run), by strategy name.</summary>
/// <param name="Window">The overnight window, e.g. <c>20:00–06:00 America/New_York, weekends all day</c> or <c>always open</c>.</param>
/// <param name="FollowsWindow">True on a node: populations start when the window opens and pause when it closes.</param>
/// <param name="WindowOpen">Whether the window is open now.</param>
/// <param name="NextWindowChange">When it opens or closes next (UTC); null when it never changes.</param>
/// <param name="Populations">One per strategy, ordered by name.</param>
public sealed record ResearchStatusResponse(string Window, bool FollowsWindow, bool WindowOpen, DateTimeOffset? NextWindowChange, IReadOnlyList<ResearchPopulationView> Populations);

/// <summary>One population in <see cref="ResearchStatusResponse"/>.</summary>
/// <param name="Strategy">The strategy it evolves.</param>
/// <param name="RunId">Its current run; null before the first.</param>
/// <param name="Phase"><c>not-started</c>, <c>idle</c>, <c>loading</c>, <c>evolving</c>, <c>completed</c> or <c>failed</c>.</param>
/// <param name="Generation">Generations completed in the run.</param>
/// <param name="Best">Best penalised fitness of the last generation (-1e9 is the worst fitness: nothing scored); null before the first.</param>
/// <param name="Mean">Mean penalised fitness of the last generation.</param>
/// <param name="BestOfRun">Best penalised fitness of the run so far.</param>
/// <param name="Evaluations">Fitness evaluations of the run so far.</param>
/// <param name="EvaluationsPerSecond">Evaluations per second of evaluation time.</param>
/// <param name="GenerationLimit">The run's generation limit; null when it has none.</param>
/// <param name="Regime">The volatility regime of the pinned window.</param>
/// <param name="DataFingerprint">The fingerprint of the pinned data.</param>
/// <param name="Error">Why the population failed; null otherwise.</param>
public sealed record ResearchPopulationView(
    string Strategy,
    string? RunId,
    string Phase,
    int Generation,
    double? Best,
    double? Mean,
    double? BestOfRun,
    long Evaluations,
    double EvaluationsPerSecond,
    int? GenerationLimit,
    string? Regime,
    string? DataFingerprint,
    string? Error);
