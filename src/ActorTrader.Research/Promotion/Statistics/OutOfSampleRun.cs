namespace ActorTrader.Research.Promotion.Statistics;

/// <summary>
/// A genome's backtest on the out-of-sample range of a pinned window: net return and trades of each out-of-sample bar,
/// and the annualised Sharpe (NaN when the returns do not vary). What <see cref="PromotionValidator"/> takes.
/// </summary>
public sealed record OutOfSampleRun(string Genome, IReadOnlyList<double> Returns, int Trades, double Sharpe);
