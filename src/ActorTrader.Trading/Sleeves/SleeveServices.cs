using ActorTrader.Backtest.Reports;
using ActorTrader.Data.Runs;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Trading.Panels;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Sleeves;

/// <summary>
/// What a sleeve needs from its host: the panel loader (lakehouse → samples → synthetic), where run directories go, the
/// optimiser catalog, the optional validation backtest, tearsheet options, and how failing strategies are restarted.
/// One instance serves every sleeve of a node.
/// </summary>
public sealed record SleeveServices(PanelLoader Panels, RunArtifacts Artifacts)
{
    public OptimizerCatalog Optimizers { get; init; } = OptimizerCatalog.Default;

    /// <summary>The validation backtest (stage 8), the backtest's vectorised simulator by default; null writes a "not run" audit.</summary>
    public ISleeveValidationBacktest? Validation { get; init; } = new VectorisedValidationBacktest();

    public TearsheetOptions Tearsheet { get; init; } = new();

    public StrategyBackoff Backoff { get; init; } = StrategyBackoff.Default;
}
