using ActorTrader.Research.Fitness;
using ActorTrader.Research.Promotion.Statistics;

namespace ActorTrader.Research.Promotion.Pipeline;

/// <summary>
/// What a population proposes: the genome (strategy, parameters), where it came from (run, generation), its in-sample
/// evidence and daily returns on the pinned window, and its and the incumbent's backtests on the out-of-sample range that
/// the GA never saw (the incumbent is the strategy's configured parameters).
/// </summary>
public sealed record CandidateProposal(
    string Id,
    string Strategy,
    string RunId,
    int Generation,
    IReadOnlyDictionary<string, double> Parameters,
    double Fitness,
    double Adjusted,
    double Sharpe,
    double DeflatedSharpe,
    int Trades,
    PinnedWindow Window,
    IReadOnlyList<double> InSampleReturns,
    OutOfSampleRun OutOfSample,
    IReadOnlyDictionary<string, double> IncumbentParameters,
    OutOfSampleRun Incumbent);
