using ActorTrader.Data.Runs;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Trading.Sleeves;

/// <summary>
/// Asks a sleeve actor to run its production pipeline once. The sleeve answers the sender with one
/// <see cref="SleeveOutcome"/>. <paramref name="RunId"/> pins the run directory (the meta-portfolio passes its own);
/// <paramref name="From"/>/<paramref name="To"/> bound the data (UTC, null = the sleeve's configured window).
/// </summary>
public sealed record RunSleeve(RunId? RunId = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>
/// How one sleeve run ended. On success: the run directory holds every stage's audit and the weights; <see cref="Returns"/>
/// is the optimised sleeve portfolio's return per bar on <see cref="Dates"/> (in-sample); <see cref="AssetWeights"/> are
/// signed asset weights (short legs negative). On failure: <see cref="FailureStage"/> and <see cref="FailureReason"/> say
/// where and why, the returns are empty, and the directory still holds the audits written before the failure.
/// <see cref="Excluded"/> names candidates dropped with the reason (e.g. NaN returns).
/// </summary>
public sealed record SleeveOutcome(
    string Sleeve,
    RunId RunId,
    string RunDirectory,
    bool Succeeded,
    string? FailureStage,
    string? FailureReason,
    IReadOnlyList<DateTimeOffset> Dates,
    IReadOnlyList<double> Returns,
    IReadOnlyDictionary<Symbol, double> AssetWeights,
    bool SignTestPassed,
    IReadOnlyList<string> Excluded);
