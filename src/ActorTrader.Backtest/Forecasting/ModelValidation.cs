namespace ActorTrader.Backtest.Forecasting;

/// <summary>
/// Walk-forward validation of one model at one horizon, pooled over the symbols. Metrics that cannot be computed (no
/// forecasts, no losing periods, …) are null, with the reason in <paramref name="Reasons"/> when it matters for the tier.
/// </summary>
/// <param name="Forecasts">Out-of-sample forecasts scored.</param>
/// <param name="FailedFits">Fits (symbol × fold) that failed or produced unusable forecasts; their reasons are in <paramref name="Failures"/>.</param>
/// <param name="Mae">Mean absolute error of the forecast log return.</param>
/// <param name="Rmse">Root mean squared error of the forecast log return.</param>
/// <param name="Smape">Symmetric mean absolute percentage error of the forecast price, in percent.</param>
/// <param name="NaiveMae">MAE of the naive random walk on the same origins.</param>
/// <param name="NaiveRmse">RMSE of the naive random walk on the same origins.</param>
/// <param name="HitRate">Share of non-flat forecasts whose sign was right.</param>
/// <param name="ProfitFactor">Gross gain over gross loss of the signal's returns (long when up, short when down); null when no period lost (unbounded).</param>
/// <param name="MaxDrawdown">Largest fall of the signal's compounded equity from a peak, as a positive share.</param>
/// <param name="Sharpe">Annualised Sharpe ratio of the signal's returns (equal weight across symbols per origin date).</param>
/// <param name="DieboldMariano">Diebold–Mariano test (squared loss) that the model is more accurate than the naive random walk.</param>
/// <param name="PairedT">Paired t-test that the model's absolute errors are smaller than the naive random walk's.</param>
/// <param name="LjungBoxRejected">Share of fits whose residuals failed Ljung-Box at 5% (autocorrelation left in them).</param>
/// <param name="JarqueBeraRejected">Share of fits whose residuals failed Jarque-Bera at 5% (not normal).</param>
/// <param name="Tier">GREEN, YELLOW or RED; only GREEN may be routed.</param>
/// <param name="Reasons">Why the tier is not higher (empty for GREEN), or notes such as tests not computed.</param>
public sealed record ModelValidation(
    string Model,
    string Version,
    int Horizon,
    int Symbols,
    int Forecasts,
    int FailedFits,
    IReadOnlyList<string> Failures,
    double? Mae,
    double? Rmse,
    double? Smape,
    double? NaiveMae,
    double? NaiveRmse,
    double? HitRate,
    double? ProfitFactor,
    double? MaxDrawdown,
    double? Sharpe,
    TestSummary? DieboldMariano,
    TestSummary? PairedT,
    double? LjungBoxRejected,
    double? JarqueBeraRejected,
    ValidationTier Tier,
    IReadOnlyList<string> Reasons);
