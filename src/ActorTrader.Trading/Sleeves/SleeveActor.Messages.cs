using ActorTrader.Actors;
using ActorTrader.Data.Runs;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Sleeves;

/// <summary>
/// Asks a sleeve actor to run its production pipeline once. The sleeve answers the sender with one
/// <see cref="SleeveOutcome"/>. <paramref name="RunId"/> pins the run directory (the meta-portfolio passes its own);
/// <paramref name="From"/>/<paramref name="To"/> bound the data (UTC, null = the sleeve's configured window).
/// </summary>
public sealed record RunSleeve(RunId? RunId = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>
/// How one sleeve run ended. On success: the run directory holds every stage's audit and the weights; <see cref="Returns"/>
/// is the optimised sleeve portfolio's return per bar on <see cref="Dates"/> (in-sample). Two signed weight sets (short
/// legs negative): <see cref="AssetWeights"/> is the <b>allocation</b> — the optimiser's static leg weights flattened per
/// symbol, whatever the strategies hold today; <see cref="TargetWeights"/> is the <b>target</b> — what to hold from the
/// next open given the signals decided at the close of the last bar (legs that are flat today count 0; the rest is cash).
/// On failure: <see cref="FailureStage"/> and <see cref="FailureReason"/> say
/// where and why, the returns are empty, and the directory still holds the audits written before the failure.
/// <see cref="Excluded"/> names candidates dropped with the reason (e.g. NaN returns). <see cref="SignTestPassed"/> is false
/// only when the directional sign test ran and found a short leg that does not invert (a run stopped before synthesis has
/// no violation; <see cref="SignTestRan"/> tells the two apart). <see cref="DegradedStrategies"/> names strategies the sleeve
/// ran without after they kept failing. <see cref="TargetSchedule"/> is the target at every bar — what the sleeve held bar by
/// bar, the portfolio to backtest — not the static allocation.
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
    IReadOnlyList<string> Excluded)
{
    /// <summary>
    /// The target: signed weight per symbol to hold from the next open, Σ over legs of leg weight × sign × |target of the leg's
    /// strategy for the symbol decided at the close of the last bar| (0 for a leg whose strategy is flat or on the other side).
    /// Same symbols as <see cref="AssetWeights"/> (0 kept), sorted by symbol; empty on failure. Not the allocation: see
    /// <see cref="AssetWeights"/>.
    /// </summary>
    public IReadOnlyDictionary<Symbol, double> TargetWeights { get; init; } = new SortedDictionary<Symbol, double>();

    /// <summary>
    /// The target per bar over the in-sample window; <see cref="SleeveSchedule.Empty"/> on failure. Row t is decided at the
    /// close of bar TargetSchedule.Dates[t] (a panel bar time) and held over the next bar, so it earns <see cref="Returns"/>[t]
    /// (dated <see cref="Dates"/>[t] = TargetSchedule.Dates[t + 1]); the last row, one beyond the returns, equals
    /// <see cref="TargetWeights"/>. This is the backtest's <c>WeightsSchedule</c> convention: pass
    /// <see cref="SleeveSchedule.ToWeightsSchedule"/> with the returns matrix of the bars TargetSchedule.Dates.
    /// </summary>
    public SleeveSchedule TargetSchedule { get; init; } = SleeveSchedule.Empty;

    /// <summary>
    /// True when the run reached strategy synthesis, so the directional sign test ran (over zero or more short legs). False
    /// when it stopped before: <see cref="SignTestPassed"/> is then true only because nothing was tested.
    /// </summary>
    public bool SignTestRan { get; init; }

    /// <summary>Strategies that failed repeatedly and were left out (the sleeve is degraded when this is not empty).</summary>
    public IReadOnlyList<string> DegradedStrategies { get; init; } = [];

    /// <summary>True when the sleeve ran without at least one of its strategies.</summary>
    public bool Degraded => DegradedStrategies.Count > 0;

    /// <summary>Where the bars came from (lakehouse, csv or synthetic); null when the run stopped before they were loaded.</summary>
    public string? DataSource { get; init; }

    /// <summary>True when the run used generated (synthetic) bars: its weights and returns demonstrate, they do not inform.</summary>
    public bool SyntheticData { get; init; }
}

/// <summary>The panel of run <see cref="RunKey"/> is loaded (or loading failed: <see cref="Failed"/>).</summary>
internal sealed record PanelReady(string RunKey, SleeveOutcome? Failed);

/// <summary>The stages after aggregation finished with <see cref="Outcome"/>.</summary>
internal sealed record RunCompleted(string RunKey, SleeveOutcome Outcome);

/// <summary>A stage's task threw instead of returning an outcome.</summary>
internal sealed record StageCrashed(string RunKey, string Stage, Exception Error);

/// <summary>Death watch of a strategy's backoff supervisor (it stopped after too many restarts, or broke).</summary>
internal sealed record StrategySupervisorStopped(string Strategy, IActorRef Supervisor);
