namespace ActorTrader.Benchmarks;

/// <summary>How a figure's samples are reduced to the one reported value.</summary>
internal enum Statistic
{
    /// <summary>
    /// The best sample (highest for higher-is-better, lowest otherwise). For timings on a shared machine:
    /// other tenants only ever slow a round down, so the best round is the most repeatable estimate.
    /// </summary>
    Best,

    /// <summary>The middle sample; for figures that noise does not push one way, such as memory.</summary>
    Median,
}
