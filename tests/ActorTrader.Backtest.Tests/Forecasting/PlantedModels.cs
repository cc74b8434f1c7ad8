using ActorTrader.Quant.Forecasting;

namespace ActorTrader.Backtest.Tests.Forecasting;

/// <summary>
/// Planted models for testing validation: each knows the whole simulated series (keyed by its first log price) and
/// forecasts the realised return plus noise (<see cref="Sign"/> = 1, a good model) or its opposite (−1, a bad one).
/// </summary>
internal sealed class PlantedModel(string name, IReadOnlyList<double[]> fullSeries, int sign, double noise, int seed, int failFitsShorterThan = 0) : IForecastModel
{
    private readonly Dictionary<double, double[]> _byFirstPrice = fullSeries.ToDictionary(s => s[0]);

    public string Name { get; } = name;
    public string Version => "test-1";
    public int Sign { get; } = sign;

    /// <summary>Lengths of every training window the model was fitted on.</summary>
    public List<int> FitLengths { get; } = [];

    /// <summary>(fit length, forecast history length) of every forecast.</summary>
    public List<(int Fit, int History)> ForecastHistories { get; } = [];

    public IFittedModel Fit(ReadOnlySpan<double> logPrices, CancellationToken cancellationToken = default)
    {
        lock (FitLengths) FitLengths.Add(logPrices.Length);
        if (logPrices.Length < failFitsShorterThan) throw new ModelFitException($"planted failure on a {logPrices.Length}-bar window");
        return new Fitted(this, _byFirstPrice[logPrices[0]], logPrices.Length, new Random(seed + logPrices.Length));
    }

    private sealed class Fitted(PlantedModel model, double[] full, int fitLength, Random random) : IFittedModel
    {
        public string Model => model.Name;
        public string Version => model.Version;
        public IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double>();
        public ResidualDiagnostics Diagnostics { get; } = ResidualDiagnostics.Of([0.1, -0.2, 0.05, 0.3, -0.1, 0.2, -0.3, 0.1, 0.0, -0.05, 0.15, -0.25]);
        public IReadOnlyList<string> Notes { get; } = [];

        public Forecast Forecast(ReadOnlySpan<double> logPrices, int horizon)
        {
            lock (model.ForecastHistories) model.ForecastHistories.Add((fitLength, logPrices.Length));
            var last = logPrices[^1];
            double noise;
            lock (random) noise = ForecastTestSeries.Gaussian(random) * model._noise;
            var future = full[logPrices.Length - 1 + horizon] - last;
            var predicted = model.Sign * future + noise;
            return new Forecast(horizon, [last + predicted], predicted, 0.01, []);
        }
    }

    private readonly double _noise = noise;
}
