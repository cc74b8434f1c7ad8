using System.Collections.Concurrent;
using ActorTrader.Quant.Forecasting;

namespace ActorTrader.Backtest.Forecasting;

/// <summary>
/// Walk-forward blocked cross-validation of forecasting models. After the first <c>min-train</c> bars each series is cut
/// into <c>folds</c> contiguous test blocks; for each block the model is fitted once on every bar before it (an
/// expanding window, so no fold trains on its own future) and forecasts from origins <c>h</c> bars apart inside the
/// block, for every horizon <c>h</c>. Each forecast is scored against the realised log return and against the naive random
/// walk from the same origin (<see cref="ForecastScoring"/>).
/// </summary>
public sealed class ForecastValidator(ValidationSettings settings, int maxParallel = 0, TimeProvider? clock = null)
{
    private readonly ValidationSettings _settings = settings ?? throw new ArgumentNullException(nameof(settings));
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly int _maxParallel = maxParallel > 0 ? maxParallel : Environment.ProcessorCount;

    /// <summary>Validates every model on every series; a model that fails on a fold is counted and reported, never fatal.</summary>
    public ValidationReport Validate(IReadOnlyList<ForecastSeries> series, IReadOnlyList<IForecastModel> models, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0) throw new ArgumentException("No models to validate; enable at least one in actortrader.forecasting.models.", nameof(models));
        var needed = _settings.MinimumTrain + _settings.Folds * _settings.Horizons.Max();
        var usable = series.Where(s => s.Length >= needed).ToArray();
        if (usable.Length == 0)
            throw new ArgumentException(
                $"No series has the {needed} bars validation needs (min-train {_settings.MinimumTrain} + folds {_settings.Folds} × longest horizon {_settings.Horizons.Max()}); " +
                "load more history or lower actortrader.forecasting.validation.min-train.", nameof(series));

        var runs = new ConcurrentBag<SeriesRun>();
        var jobs = usable.SelectMany((s, i) => models.Select((m, j) => (Series: s, SeriesIndex: i, Model: m, ModelIndex: j))).ToArray();
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = _maxParallel, CancellationToken = cancellationToken },
            job => runs.Add(Run(job.Series, job.SeriesIndex, job.Model, job.ModelIndex, cancellationToken)));

        var results = new List<ModelValidation>();
        foreach (var (model, index) in models.Select((m, i) => (m, i)))
        {
            var modelRuns = runs.Where(r => r.ModelIndex == index).OrderBy(r => r.SeriesIndex).ToArray();
            var fits = modelRuns.Sum(r => r.Fits);
            var failures = modelRuns.SelectMany(r => r.Failures).ToArray();
            double? ljungBox = fits > 0 ? modelRuns.Sum(r => r.LjungBoxRejected) / (double)fits : null;
            double? jarqueBera = fits > 0 ? modelRuns.Sum(r => r.JarqueBeraRejected) / (double)fits : null;
            foreach (var horizon in _settings.Horizons)
            {
                var forecasts = modelRuns.SelectMany(r => r.Forecasts[horizon]).ToArray();
                results.Add(ForecastScoring.Score(model.Name, model.Version, horizon, forecasts, failures.Length, failures.Take(20).ToArray(),
                    ljungBox, jarqueBera, _settings.Thresholds));
            }
        }

        var times = usable.SelectMany(s => new[] { s.Times[0], s.Times[^1] }).ToArray();
        return new ValidationReport(_clock.GetUtcNow().UtcDateTime, usable.Select(s => s.Symbol).ToArray(), times.Min(), times.Max(), _settings, results);
    }

    private SeriesRun Run(ForecastSeries series, int seriesIndex, IForecastModel model, int modelIndex, CancellationToken cancellationToken)
    {
        var run = new SeriesRun(seriesIndex, modelIndex, _settings.Horizons);
        var logs = series.LogPrices;
        var n = logs.Length;
        var block = (n - _settings.MinimumTrain) / _settings.Folds;
        for (var fold = 0; fold < _settings.Folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = _settings.MinimumTrain + fold * block;
            var end = fold == _settings.Folds - 1 ? n : start + block;
            IFittedModel fitted;
            try
            {
                fitted = model.Fit(logs.AsSpan(0, start), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                run.Failures.Add($"{series.Symbol} fold {fold + 1}: {Describe(e)}");
                continue;
            }
            run.Fits++;
            if (fitted.Diagnostics.LjungBox is { } lb && lb.RejectsAt(0.05)) run.LjungBoxRejected++;
            if (fitted.Diagnostics.JarqueBera is { } jb && jb.RejectsAt(0.05)) run.JarqueBeraRejected++;
            try
            {
                foreach (var horizon in _settings.Horizons)
                {
                    for (var origin = start; origin < end && origin - 1 + horizon < n; origin += horizon)
                    {
                        var forecast = fitted.Forecast(logs.AsSpan(0, origin), horizon);
                        if (!double.IsFinite(forecast.ExpectedReturn))
                            throw new ModelFitException($"forecast from {series.Times[origin - 1]:yyyy-MM-dd} at horizon {horizon} is {forecast.ExpectedReturn}");
                        run.Forecasts[horizon].Add(new OutOfSampleForecast(series.Symbol, series.Times[origin - 1], logs[origin - 1], forecast.ExpectedReturn,
                            logs[origin - 1 + horizon] - logs[origin - 1]));
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A fold whose forecasts break is dropped whole, so no horizon is scored on a partial fold.
                foreach (var list in run.Forecasts.Values) list.RemoveAll(f => f.Origin >= series.Times[start - 1] && f.Origin < series.Times[end - 1]);
                run.Failures.Add($"{series.Symbol} fold {fold + 1}: {Describe(e)}");
            }
        }
        return run;
    }

    private static string Describe(Exception e) => e is ModelFitException ? e.Message : $"{e.GetType().Name}: {e.Message}";

    private sealed class SeriesRun(int seriesIndex, int modelIndex, IReadOnlyList<int> horizons)
    {
        public int SeriesIndex { get; } = seriesIndex;
        public int ModelIndex { get; } = modelIndex;
        public int Fits { get; set; }
        public int LjungBoxRejected { get; set; }
        public int JarqueBeraRejected { get; set; }
        public List<string> Failures { get; } = [];
        public Dictionary<int, List<OutOfSampleForecast>> Forecasts { get; } = horizons.ToDictionary(h => h, _ => new List<OutOfSampleForecast>());
    }
}
