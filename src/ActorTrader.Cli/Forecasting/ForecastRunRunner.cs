using System.Globalization;
using System.Text.Json;
using ActorTrader.Actors;
using ActorTrader.Backtest.Forecasting;
using ActorTrader.Cli.Backtesting;
using ActorTrader.Quant.Forecasting;
using ActorTrader.Trading.Forecasting;

namespace ActorTrader.Cli.Forecasting;

/// <summary>
/// <c>actortrader forecast run</c>: one run of the <see cref="ModelRunner"/> actor over the data options' universe (the
/// embedded default data unless told otherwise), printing every signal with its provenance, every model failure, and per
/// symbol which signal the router would route under the latest validation report (or why none). Exit 0 when the run
/// completed (model failures are reported, not fatal); 1 when the data or configuration cannot be used.
/// </summary>
internal sealed class ForecastRunRunner(CliContext context, TimeProvider clock)
{
    public async Task<int> RunAsync(string? configFile, ForecastValidateOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var models = (options.Models ?? []).Select(ForecastValidateRunner.Model).ToArray();
        var environment = ResearchEnvironment.Load(context, configFile);
        var settings = environment.Forecasting();
        if (models.Length == 0) models = settings.Models.Select(ForecastModels.Create).ToArray();
        var horizon = options.Horizons is { Count: > 0 } horizons ? horizons[0] : settings.Horizon;
        var (loaded, series) = await ForecastData.LoadAsync(environment, options.Data, clock, cancellationToken).ConfigureAwait(false);

        ForecastsCompleted completed;
        var system = ActorSystem.Create("actortrader-forecast", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
        try
        {
            var runner = system.ActorOf(ModelRunner.Props(models, settings), "forecast-runner");
            // Worst case every fit times out: the runs of max-parallel fits follow one another.
            var rounds = (series.Count * models.Length + settings.MaxParallel - 1) / settings.MaxParallel;
            var timeout = settings.ModelTimeout * (rounds + 1);
            var runId = "cli-" + clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            completed = await runner.Ask<ForecastsCompleted>(new RunForecasts(runId, series, horizon), timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }

        var store = ValidationStore.InDataDirectory(Path.GetFullPath(environment.Data.Settings.DataDir, environment.WorkingDirectory));
        ValidationReport? report = null;
        string? reportProblem = null;
        try
        {
            report = store.LoadLatest();
        }
        catch (InvalidDataException e)
        {
            reportProblem = e.Message;
        }
        var routing = completed.Signals.Select(s => s.Symbol).Concat(completed.Failures.Select(f => f.Symbol)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(symbol =>
            {
                var (signal, reasons) = reportProblem is null
                    ? SignalRouting.Choose(symbol, completed.Signals, report, settings.Primary, settings.Fallbacks)
                    : (null, [reportProblem]);
                return new RouteDecision(symbol, signal?.Model, reasons);
            })
            .ToArray();

        if (options.Json)
        {
            var document = new RunDocument(completed.RunId, settings.RouterEnabled, completed.Signals, completed.Failures, completed.Diagnostics, routing);
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(document, ValidationStore.Json)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        await context.Out.WriteLineAsync(
            $"Forecast run {completed.RunId}: {models.Length} models on {series.Count} symbols ({loaded.Source}{(loaded.Synthetic ? ", synthetic" : "")}), horizon {horizon}: " +
            $"{completed.Signals.Count} signals, {completed.Failures.Count} failures.").ConfigureAwait(false);
        await context.Out.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-16} {1,-13} {2,-4} {3,9} {4,8} {5,6} {6,-10} {7}",
            "symbol", "model", "dir", "E[r]", "vol", "conf", "as of", "fingerprint")).ConfigureAwait(false);
        foreach (var s in completed.Signals.OrderBy(s => s.Symbol, StringComparer.Ordinal).ThenBy(s => s.Model, StringComparer.Ordinal))
        {
            await context.Out.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-16} {1,-13} {2,-4} {3,9:0.00000} {4,8:0.0000} {5,6:0.000} {6,-10:yyyy-MM-dd} {7}{8}",
                s.Symbol, s.Model, s.Direction.ToString().ToLowerInvariant(), s.ExpectedReturn, s.Volatility, s.Confidence, s.AsOf, s.DataFingerprint,
                s.Flags.Count > 0 ? " [" + string.Join(", ", s.Flags) + "]" : "")).ConfigureAwait(false);
        }
        foreach (var f in completed.Failures)
            await context.Out.WriteLineAsync($"failed: {f.Model} {f.Version} on {f.Symbol}: {f.Reason}").ConfigureAwait(false);
        await context.Out.WriteLineAsync(settings.RouterEnabled
            ? $"Routing (primary {settings.Primary}, fallbacks [{string.Join(", ", settings.Fallbacks)}], GREEN only):"
            : "Routing is off (actortrader.forecasting.router.enabled = off); with it on, these would be routed:").ConfigureAwait(false);
        foreach (var r in routing)
            await context.Out.WriteLineAsync(r.Model is { } model ? $"  {r.Symbol}: {model}" : $"  {r.Symbol}: none — {string.Join("; ", r.Reasons)}").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private sealed record RouteDecision(string Symbol, string? Model, IReadOnlyList<string> Reasons);

    private sealed record RunDocument(string RunId, bool RouterEnabled, IReadOnlyList<Quant.Forecasting.Signals.Signal> Signals, IReadOnlyList<ModelFailure> Failures,
        IReadOnlyList<ModelDiagnostics> Diagnostics, IReadOnlyList<RouteDecision> Routing);
}
