using ActorTrader.Quant.Forecasting.Ssa;

namespace ActorTrader.Quant.Forecasting.Baseline;

/// <summary>
/// The random walk: tomorrow's log price is today's, so the expected return is zero and the h-step volatility is the
/// daily log-return volatility times √h. It is the baseline every other model must beat (Diebold–Mariano).
/// </summary>
public sealed class NaiveModel : IForecastModel
{
    public const string ModelName = "naive";

    public string Name => ModelName;

    public string Version => "1";

    public IFittedModel Fit(ReadOnlySpan<double> logPrices, CancellationToken cancellationToken = default)
    {
        if (logPrices.Length < 3) throw new ModelFitException($"{Name}: {logPrices.Length} observations are too few; use at least 3.");
        var returns = new double[logPrices.Length - 1];
        for (var t = 1; t < logPrices.Length; t++) returns[t - 1] = logPrices[t] - logPrices[t - 1];
        return new FittedNaive(Version, SsaModel.ReturnVolatility(logPrices), returns);
    }

    private sealed class FittedNaive(string version, double dailyVolatility, double[] returns) : IFittedModel
    {
        public string Model => ModelName;

        public string Version { get; } = version;

        public IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double> { ["daily-volatility"] = dailyVolatility };

        public ResidualDiagnostics Diagnostics { get; } = ResidualDiagnostics.Of(returns);

        public IReadOnlyList<string> Notes { get; } = ["random walk: forecast = last log price"];

        public Forecast Forecast(ReadOnlySpan<double> logPrices, int horizon)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
            var path = new double[horizon];
            Array.Fill(path, logPrices[^1]);
            return Quant.Forecasting.Forecast.FromPath(logPrices[^1], path, dailyVolatility * Math.Sqrt(horizon));
        }
    }
}
