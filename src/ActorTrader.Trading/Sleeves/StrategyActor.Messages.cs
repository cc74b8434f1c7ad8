using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Sleeves;

/// <summary>Asks a strategy child to aggregate its strategy over the run's panel; <see cref="RunKey"/> ties the answer to the run.</summary>
internal sealed record ComputeCandidates(string RunKey, ParameterSet Parameters, BarPanel Panel, ReturnAxis Axis);

/// <summary>A strategy child's candidates for run <see cref="RunKey"/>.</summary>
internal sealed record CandidatesComputed(string RunKey, StrategyCandidates Result);

/// <summary>A strategy child failed to aggregate; it is restarting with backoff after sending this.</summary>
internal sealed record CandidatesFailed(string RunKey, string Strategy, string Error);

/// <summary>A strategy child (re)started and can take work.</summary>
internal sealed record StrategyWorkerReady(string Strategy);

/// <summary>The child's own task finished (internal to the strategy actor).</summary>
internal sealed record AggregationFinished(string RunKey, StrategyCandidates? Result, Exception? Error);

/// <summary>
/// Published on the event stream each time a sleeve's strategy fails to aggregate (before it is restarted with backoff,
/// or, after <see cref="StrategyBackoff.MaxRestarts"/> restarts, left out of the run): for operators and tests.
/// </summary>
public sealed record SleeveStrategyFailed(string Sleeve, string Strategy, int Attempt, bool Degraded, string Error);
