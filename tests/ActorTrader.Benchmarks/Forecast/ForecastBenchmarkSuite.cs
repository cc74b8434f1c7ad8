using System.Diagnostics;
using ActorTrader.Quant.Forecasting;
using ActorTrader.Quant.Forecasting.Baseline;

namespace ActorTrader.Benchmarks.Forecast;

/// <summary>
/// Every forecasting model fitted and forecast (5 days ahead) for 500 symbols × 1260 daily bars (5 years), spread over
/// all cores as the model runner does. Baseline: the naive random walk over the same symbols in the same loop, timed
/// alternately. The target is ≤ 5 s for all models on 2 cores. Each model alone is reported too, so a
/// regression points at its model.
/// </summary>
internal sealed class ForecastBenchmarkSuite : IBenchmarkSuite
{
    private const int Horizon = 5;

    public string Name => "forecast";

    public string Description => "all forecasting models (ARIMA grid, GARCH, GJR-GARCH, SSA, Holt-Winters, naive) fitted for 500 symbols x 1260 days (vs the naive model alone)";

    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var symbols = 500;
        var days = 1260;
        var universe = ForecastUniverse.Create(symbols, days);
        var (warmups, iterations) = options.Quick ? (1, 1) : (1, 3);
        var all = ForecastModels.All();
        var naive = new IForecastModel[] { new NaiveModel() };
        var figures = new List<BenchmarkFigure>();
        var workload = $"{symbols} symbols x {days} days, fit + {Horizon}-day forecast, {Environment.ProcessorCount} cores";
        const string baselineKind = "naive random walk, same symbols and loop";

        figures.Add(await Figure("all_models_total", () => Run(universe, all), () => Run(universe, naive), warmups, iterations, 5000,
            workload + $", {all.Count} models", baselineKind));
        if (!options.Quick)
            foreach (var model in all.Where(m => m.Name != NaiveModel.ModelName))
                figures.Add(await Figure($"{model.Name}_only", () => Run(universe, [model]), () => Run(universe, naive), 0, 1, 5000,
                    workload + ", this model alone", baselineKind));
        return figures;
    }

    private static async Task<BenchmarkFigure> Figure(string name, Func<int> measured, Func<int> baseline, int warmups, int iterations, double targetMs,
        string workload, string baselineKind)
    {
        Console.Error.Write($"forecast: {name} ... ");
        var started = Stopwatch.GetTimestamp();
        var (values, baselines) = await Sampling.Alternating(warmups, TimeSpan.Zero, iterations,
            () => Task.FromResult(Milliseconds(measured)), () => Task.FromResult(Milliseconds(baseline)));
        Console.Error.WriteLine($"done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return new BenchmarkFigure(name, "ms", values, baselines, Better.Lower, Statistic.Median,
            Target: targetMs, TargetRatio: null, Workload: workload, BaselineKind: baselineKind);
    }

    // Returns the number of failed fits so the work cannot be optimised away and a broken model shows up.
    private static int Run(double[][] universe, IReadOnlyList<IForecastModel> models)
    {
        var failures = 0;
        Parallel.For(0, universe.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, s =>
        {
            foreach (var model in models)
            {
                try
                {
                    var forecast = model.Fit(universe[s]).Forecast(universe[s], Horizon);
                    if (!double.IsFinite(forecast.ExpectedReturn)) Interlocked.Increment(ref failures);
                }
                catch (ModelFitException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        if (failures > universe.Length * models.Count / 100)
            throw new InvalidOperationException($"{failures} of {universe.Length * models.Count} fits failed; the benchmark data or a model is broken.");
        return failures;
    }

    private static double Milliseconds(Func<int> action)
    {
        var started = Stopwatch.GetTimestamp();
        GC.KeepAlive(action());
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
