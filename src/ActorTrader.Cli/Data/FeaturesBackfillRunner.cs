using ActorTrader.Data.Features;

namespace ActorTrader.Cli.Data;

/// <summary>
/// <c>actortrader features backfill</c>: recomputes <c>features_matrix.parquet</c> for partitions that changed, rebuilds
/// <c>timeseries_features.parquet</c>, and prints what it did.
/// </summary>
internal sealed class FeaturesBackfillRunner(CliContext context, TimeProvider clock)
{
    public async Task<int> RunAsync(string? configFile)
    {
        var environment = DataEnvironment.Load(context, configFile);
        var result = new FeatureBackfill(environment.OpenStore(clock), environment.Layout).Run();
        await context.Out.WriteLineAsync(
            $"features_matrix.parquet: {result.Symbols} symbol(s), {result.Rows:N0} rows; {result.Recomputed} recomputed, {result.Reused} unchanged; {(result.Rewritten ? "rewritten" : "not rewritten (nothing changed)")}").ConfigureAwait(false);
        await context.Out.WriteLineAsync($"  {environment.Layout.FeaturesMatrix}").ConfigureAwait(false);
        foreach (var (symbol, reason) in result.Skipped.OrderBy(s => s.Key)) await context.Out.WriteLineAsync($"  skipped {symbol}: {reason}").ConfigureAwait(false);
        // The forecasting features (lags, rolling moments, calendar flags) beside the matrix, rebuilt whole.
        var path = TimeSeriesFeatureFile.PathIn(environment.Layout);
        var series = TimeSeriesFeatureFile.Write(environment.OpenStore(clock), path);
        await context.Out.WriteLineAsync($"{TimeSeriesFeatureFile.FileName}: {series.Symbols} symbol(s), {series.Rows:N0} rows").ConfigureAwait(false);
        await context.Out.WriteLineAsync($"  {path}").ConfigureAwait(false);
        foreach (var (symbol, reason) in series.Skipped) await context.Out.WriteLineAsync($"  skipped {symbol}: {reason}").ConfigureAwait(false);
        return result.Skipped.Count == 0 && series.Skipped.Count == 0 ? ExitCodes.Ok : ExitCodes.Problems;
    }
}
