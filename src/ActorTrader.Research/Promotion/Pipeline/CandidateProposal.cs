using ActorTrader.Research.Fitness;
using ActorTrader.Research.Promotion.Statistics;

namespace ActorTrader.Research.Promotion.Pipeline;

/// <summary>
/// What a population proposes: the genome (strategy, parameters or discovered rule), where it came from (run,
/// generation), its in-sample evidence and daily returns on the pinned window, and its and the incumbent's backtests on
/// the out-of-sample range that the GA never saw (the incumbent is the strategy's configured parameters; for a discovered
/// rule, equal-weight buy and hold).
/// </summary>
/// <param name="InSampleTimes">The bar time of each in-sample return (for the correlation penalty's alignment by date).</param>
/// <param name="Trials">Evaluations the run had made when it proposed the genome: N of the deflated Sharpe (multiple testing).</param>
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
    OutOfSampleRun Incumbent,
    IReadOnlyList<DateTimeOffset>? InSampleTimes = null,
    long Trials = 0)
{
    /// <summary>The discovered rule (canonical text) of a discovery candidate; its <see cref="Parameters"/> are then empty. Null for parameter genomes.</summary>
    public string? Rule { get; init; }

    /// <summary>The rule of the incumbent a discovery candidate is validated against (equal-weight buy and hold); null for parameter genomes.</summary>
    public string? IncumbentRule { get; init; }
}
