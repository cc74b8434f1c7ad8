namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>The <c>00_data.json</c> audit: where the bars came from, whether they are synthetic, the window and each symbol's coverage.</summary>
public sealed record DataAudit(
    string Source,
    bool Synthetic,
    string Location,
    IReadOnlyList<string> SkippedSources,
    IReadOnlyList<string> Symbols,
    string Timeframe,
    DateTimeOffset? RequestedFrom,
    DateTimeOffset? RequestedTo,
    int? LookbackBars,
    int Bars,
    DateTimeOffset? FirstBar,
    DateTimeOffset? LastBar,
    double PeriodsPerYear,
    IReadOnlyList<Panels.SymbolCoverage> Coverage);

/// <summary>The <c>01_aggregation.json</c> audit: one row per strategy of the sleeve and the candidate count.</summary>
public sealed record AggregationAudit(string Account, IReadOnlyList<StrategyAggregationAudit> Strategies, int Candidates, IReadOnlyList<DegradedStrategy> Degraded);

/// <summary>
/// One strategy in aggregation: its settings, whether it could run (and why not), whether it failed repeatedly
/// (degraded), and the candidates it produced.
/// </summary>
public sealed record StrategyAggregationAudit(
    string Strategy,
    bool Enabled,
    bool Available,
    string? Reason,
    double Allocation,
    string Parameters,
    bool Degraded,
    int Events,
    IReadOnlyList<CandidateAudit> Candidates);

/// <summary>A candidate as aggregation made it.</summary>
public sealed record CandidateAudit(string Id, string Direction, int FirstObservation, int Observations, int ActiveBars, int Trades);

/// <summary>The <c>07_report.json</c> audit: the files the report stage wrote and the tearsheet's outcome.</summary>
public sealed record ReportAudit(string Engine, IReadOnlyList<string> Files, string? TearsheetDirectory, string? TearsheetSkipped);

/// <summary>
/// The <c>08_validation.json</c> audit: whether the validation backtest ran, with which simulator and its headline
/// statistics, or why not. <see cref="Result"/> (with the per-bar returns) goes to <c>validation_backtest.json</c>.
/// </summary>
public sealed record ValidationAudit(bool Enabled, bool Ran, string? Simulator, string? Reason, Backtest.Results.BacktestStatistics? Statistics,
    [property: System.Text.Json.Serialization.JsonIgnore] ValidationBacktestResult? Result);

/// <summary><c>sleeve_outcome.json</c>: how the run ended, in the terms of <see cref="SleeveOutcome"/> (with the data source and whether it was synthetic).</summary>
public sealed record SleeveOutcomeFile(
    string Sleeve,
    string RunId,
    bool Succeeded,
    string? FailureStage,
    string? FailureReason,
    string? DataSource,
    bool SyntheticData,
    bool SignTestPassed,
    IReadOnlyList<string> DegradedStrategies,
    IReadOnlyList<string> Excluded,
    int Periods,
    IReadOnlyList<AssetWeightRow> AssetWeights)
{
    /// <summary>The target weights (what to hold from the next open); <see cref="AssetWeights"/> are the allocation.</summary>
    public IReadOnlyList<AssetWeightRow> TargetWeights { get; init; } = [];

    /// <summary>True when the run reached synthesis, so <see cref="SignTestPassed"/> reports a test that ran.</summary>
    public bool SignTestRan { get; init; }
}

/// <summary>A signed asset weight.</summary>
public sealed record AssetWeightRow(string Symbol, double Weight);
