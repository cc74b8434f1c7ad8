using ActorTrader.Backtest.Forecasting;
using ActorTrader.Quant.Forecasting;

namespace ActorTrader.Trading.Tests.Forecasting;

/// <summary>Models with scripted behaviour for the runner tests: a fixed forecast, a throw, or a hang.</summary>
internal sealed class FixedModel(string name, double expectedReturn) : IForecastModel
{
    public string Name { get; } = name;
    public string Version => "fixed-1";

    public IFittedModel Fit(ReadOnlySpan<double> logPrices, CancellationToken cancellationToken = default) => new Fitted(this, expectedReturn);

    private sealed class Fitted(FixedModel model, double expectedReturn) : IFittedModel
    {
        public string Model => model.Name;
        public string Version => model.Version;
        public IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double> { ["mu"] = expectedReturn };
        public ResidualDiagnostics Diagnostics { get; } = ResidualDiagnostics.Of([0.1, -0.2, 0.05, 0.3, -0.1, 0.2, -0.3, 0.1, 0.0, -0.05, 0.15, -0.25]);
        public IReadOnlyList<string> Notes { get; } = ["fixed"];

        public Forecast Forecast(ReadOnlySpan<double> logPrices, int horizon) =>
            new(horizon, [logPrices[^1] + expectedReturn], expectedReturn, 0.02, []);
    }
}

internal sealed class ThrowingModel : IForecastModel
{
    public string Name => "throwing";
    public string Version => "boom-1";

    public IFittedModel Fit(ReadOnlySpan<double> logPrices, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("planted bug in the model");
}

/// <summary>Blocks in Fit, ignoring cancellation (the worst case), until the test releases it.</summary>
internal sealed class HangingModel : IForecastModel, IDisposable
{
    private readonly ManualResetEventSlim _release = new(false);
    private int _entered;

    public string Name => "hanging";
    public string Version => "stuck-1";
    public int Entered => Volatile.Read(ref _entered);

    public IFittedModel Fit(ReadOnlySpan<double> logPrices, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _entered);
        // Deliberately deaf to cancellation: the runner must cope with a model that never looks at its token.
        _release.Wait(TimeSpan.FromMinutes(2), CancellationToken.None);
        return new FixedModel(Name, 0.5).Fit(logPrices, cancellationToken);
    }

    public void Dispose()
    {
        _release.Set();
        _release.Dispose();
    }
}

internal static class RunnerSeries
{
    public static ForecastSeries RandomWalk(string symbol, int bars, int seed)
    {
        var random = new Random(seed);
        var start = new DateTime(2023, 1, 2, 21, 0, 0, DateTimeKind.Utc);
        var times = Enumerable.Range(0, bars).Select(i => start.AddDays(i)).ToArray();
        var logs = new double[bars];
        logs[0] = Math.Log(100);
        for (var t = 1; t < bars; t++) logs[t] = logs[t - 1] + 0.01 * (random.NextDouble() - 0.5) + 0.0005;
        return new ForecastSeries(symbol, times, logs);
    }
}
