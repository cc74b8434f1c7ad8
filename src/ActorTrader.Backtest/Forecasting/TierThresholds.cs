namespace ActorTrader.Backtest.Forecasting;

/// <summary>
/// <c>actortrader.forecasting.validation.green</c> / <c>.yellow</c> and <c>min-forecasts</c>. GREEN needs every green
/// condition: at least <see cref="MinimumForecasts"/> out-of-sample forecasts, Diebold–Mariano p-value (model more
/// accurate than the naive random walk) below <see cref="GreenMaxDmPValue"/>, hit rate and annualised signal Sharpe at
/// least their minima. YELLOW relaxes them to the yellow values; anything else is RED.
/// </summary>
public sealed record TierThresholds(
    int MinimumForecasts = 100,
    double GreenMaxDmPValue = 0.05,
    double GreenMinHitRate = 0.52,
    double GreenMinSharpe = 0.5,
    double YellowMaxDmPValue = 0.20,
    double YellowMinHitRate = 0.50,
    double YellowMinSharpe = 0.0)
{
    public static TierThresholds Default { get; } = new();
}
