using System.Globalization;
using System.Text.Json;
using ActorTrader.Backtest.Forecasting;
using ActorTrader.Cli.Backtesting;
using ActorTrader.Quant.Forecasting;

namespace ActorTrader.Cli.Forecasting;

/// <summary>
/// <c>actortrader forecast validate</c>: loads daily bars (the embedded default data unless the data options say
/// otherwise), runs the walk-forward validation of <c>actortrader.forecasting</c> on every enabled model (or
/// <c>--models</c>), writes <c>&lt;data-dir&gt;/forecasting/validation.json</c> (plus a history copy) and prints one row per
/// model and horizon, or with <c>--json</c> the report itself. Exit 0 when the report was written; 1 when the data or
/// configuration cannot be used; 2 for a bad command line.
/// </summary>
internal sealed class ForecastValidateRunner(CliContext context, TimeProvider clock)
{
    public async Task<int> RunAsync(string? configFile, ForecastValidateOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var models = (options.Models ?? []).Select(Model).ToArray();
        var environment = ResearchEnvironment.Load(context, configFile);
        var configured = environment.Forecasting();
        if (models.Length == 0) models = configured.Models.Select(ForecastModels.Create).ToArray();
        var settings = configured.Validation with
        {
            Horizons = options.Horizons is { Count: > 0 } horizons ? horizons : configured.Validation.Horizons,
            Folds = options.Folds ?? configured.Validation.Folds,
        };

        var (loaded, series) = await ForecastData.LoadAsync(environment, options.Data, clock, cancellationToken).ConfigureAwait(false);

        ValidationReport report;
        try
        {
            report = new ForecastValidator(settings, clock: clock).Validate(series, models, cancellationToken);
        }
        catch (ArgumentException e)
        {
            throw new CliException(ExitCodes.Problems, $"Forecast validation cannot run: {e.Message}", e);
        }
        var store = ValidationStore.InDataDirectory(Path.GetFullPath(environment.Data.Settings.DataDir, environment.WorkingDirectory));
        store.Save(report);

        if (options.Json)
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(report, ValidationStore.Json)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        await context.Out.WriteLineAsync(
            $"Forecast validation on {report.Symbols.Count} symbols ({loaded.Source}{(loaded.Synthetic ? ", synthetic" : "")}) from {Day(report.From)} to {Day(report.To)}: " +
            $"{settings.Folds} walk-forward folds after {settings.MinimumTrain} training bars.").ConfigureAwait(false);
        foreach (var line in Table(report)) await context.Out.WriteLineAsync(line).ConfigureAwait(false);
        var green = report.Results.Where(r => r.Tier == ValidationTier.Green).Select(r => $"{r.Model}@{r.Horizon}").ToArray();
        await context.Out.WriteLineAsync(green.Length == 0
            ? "No model is GREEN: the signal router will route nothing."
            : $"GREEN (may be routed): {string.Join(", ", green)}.").ConfigureAwait(false);
        await context.Out.WriteLineAsync($"Written to {store.LatestPath}").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    internal static IForecastModel Model(string name)
    {
        if (ForecastModels.Names.Contains(name)) return ForecastModels.Create(name);
        throw new CliException(ExitCodes.Usage, $"Unknown forecasting model \"{name}\". Known models: {string.Join(", ", ForecastModels.Names)}.");
    }

    private static IEnumerable<string> Table(ValidationReport report)
    {
        yield return string.Format(CultureInfo.InvariantCulture, "{0,-13} {1,3} {2,-6} {3,6} {4,8} {5,8} {6,7} {7,6} {8,6} {9,7} {10,7} {11,7} {12,7} {13,5}",
            "model", "h", "tier", "n", "MAE", "RMSE", "sMAPE%", "hit", "PF", "MDD", "Sharpe", "DM p", "t p", "fail");
        foreach (var r in report.Results)
        {
            yield return string.Format(CultureInfo.InvariantCulture, "{0,-13} {1,3} {2,-6} {3,6} {4,8} {5,8} {6,7} {7,6} {8,6} {9,7} {10,7} {11,7} {12,7} {13,5}",
                r.Model, r.Horizon, r.Tier.ToString().ToUpperInvariant(), r.Forecasts, F(r.Mae, "0.00000"), F(r.Rmse, "0.00000"), F(r.Smape, "0.000"),
                F(r.HitRate, "0.000"), F(r.ProfitFactor, "0.00"), F(r.MaxDrawdown, "0.000"), F(r.Sharpe, "0.00"), F(r.DieboldMariano?.PValue, "0.000"),
                F(r.PairedT?.PValue, "0.000"), r.FailedFits);
        }
        foreach (var r in report.Results.Where(r => r.Reasons.Count > 0 && r.Tier != ValidationTier.Green && r.Model != "naive"))
            yield return $"  {r.Model}@{r.Horizon}: {string.Join("; ", r.Reasons)}";
        foreach (var r in report.Results.Where(r => r.Failures.Count > 0).DistinctBy(r => r.Model))
            yield return $"  {r.Model} failures ({r.FailedFits}): {string.Join("; ", r.Failures.Take(3))}{(r.FailedFits > 3 ? "; …" : "")}";
    }

    private static string F(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    private static string Day(DateTime? time) => time is { } t ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "n/a";
}
