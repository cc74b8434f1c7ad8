namespace ActorTrader.Quant.Forecasting;

/// <summary>
/// A model's forecast from the end of a log-price history.
/// </summary>
/// <param name="Horizon">Steps (bars) ahead.</param>
/// <param name="Path">Forecast log prices for steps 1..Horizon.</param>
/// <param name="ExpectedReturn">Expected log return from the last observed log price to step Horizon.</param>
/// <param name="Volatility">Standard deviation of that log return (the forecast error of the model, or its volatility forecast).</param>
/// <param name="Flags">Conditions a consumer should know about, e.g. <c>change-point</c>.</param>
public sealed record Forecast(int Horizon, IReadOnlyList<double> Path, double ExpectedReturn, double Volatility, IReadOnlyList<string> Flags)
{
    public static Forecast FromPath(double lastLogPrice, double[] path, double volatility, IReadOnlyList<string>? flags = null) =>
        new(path.Length, path, path[^1] - lastLogPrice, volatility, flags ?? []);
}
