namespace ActorTrader.Trading.Sleeves.Definition;

/// <summary>The covariance estimator handed to the optimisers: the sample covariance or Ledoit-Wolf shrinkage (constant variance target).</summary>
public enum CovarianceKind
{
    Sample,
    LedoitWolf,
}
