using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Cli.Backtesting;

/// <summary>How <c>actortrader sleeve run</c> prints a <see cref="SleeveOutcome"/>: readable lines, or one JSON object.</summary>
internal static class SleeveOutcomes
{
    /// <summary>The sleeve's report file in its run directory (written also when a stage stopped the run).</summary>
    public const string ReportFile = SleevePipeline.ReportFile;

    /// <summary>Up to <paramref name="count"/> weights, largest magnitude first: <c>NYSE:KO 31.20%, NYSE:PG 22.05%, … (12 assets)</c>.</summary>
    public static string TopWeights(IReadOnlyDictionary<Symbol, double> weights, int count)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0) return "none";
        var top = weights.OrderByDescending(kv => Math.Abs(kv.Value)).ThenBy(kv => kv.Key).Take(count).Select(kv => $"{kv.Key} {TextFormat.Percent(kv.Value)}");
        return string.Join(", ", top) + (weights.Count > count ? $", … ({weights.Count} assets)" : "");
    }

    public static IEnumerable<string> Lines(SleeveOutcome o)
    {
        ArgumentNullException.ThrowIfNull(o);
        yield return o.Succeeded
            ? $"Sleeve {o.Sleeve}: OK" + (o.Degraded ? " (degraded)" : "")
            : $"Sleeve {o.Sleeve}: FAILED at stage {o.FailureStage}";
        yield return $"  run {o.RunId.Value}, directory {o.RunDirectory}";
        if (o.DataSource is { } source)
            yield return $"  data: {source}" + (o.SyntheticData ? " (synthetic bars: the weights demonstrate the pipeline, they do not inform trading)" : "");
        if (!o.Succeeded) yield return $"  why: {o.FailureReason}";
        if (o.Excluded.Count > 0)
        {
            yield return $"  excluded candidates ({o.Excluded.Count}):";
            foreach (var excluded in o.Excluded) yield return $"    - {excluded}";
        }
        if (o.Degraded) yield return $"  ran without (kept failing): {string.Join(", ", o.DegradedStrategies)}";
        if (!o.SignTestPassed) yield return "  directional sign test: a short leg does not invert (see directional_sign_test.json)";
        if (o.Succeeded)
        {
            yield return $"  top weights: {TopWeights(o.AssetWeights, 10)}";
            if (o.TargetWeights.Count > 0) yield return $"  target weights (today's signals): {TopWeights(o.TargetWeights, 10)}";
            yield return $"  return stream: {o.Returns.Count} bars" + (o.Dates.Count > 0 ? $", {TextFormat.Day(o.Dates[0])}..{TextFormat.Day(o.Dates[^1])}" : "");
        }
        var report = Path.Combine(o.RunDirectory, ReportFile);
        if (File.Exists(report)) yield return $"  report: {report}";
    }

    public static string Json(SleeveOutcome o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return CliJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("sleeve", o.Sleeve);
            w.WriteString("run_id", o.RunId.Value);
            w.WriteString("run_directory", o.RunDirectory);
            w.WriteBoolean("succeeded", o.Succeeded);
            w.WriteString("failure_stage", o.FailureStage);
            w.WriteString("failure_reason", o.FailureReason);
            w.Strings("excluded", o.Excluded);
            w.Strings("degraded_strategies", o.DegradedStrategies);
            w.WriteBoolean("sign_test_passed", o.SignTestPassed);
            w.WriteString("data_source", o.DataSource);
            w.WriteBoolean("synthetic_data", o.SyntheticData);
            w.WriteNumber("return_bars", o.Returns.Count);
            w.Map("asset_weights", o.AssetWeights.Select(kv => KeyValuePair.Create(kv.Key.ToString(), kv.Value)));
            w.Map("target_weights", o.TargetWeights.Select(kv => KeyValuePair.Create(kv.Key.ToString(), kv.Value)));
            var report = Path.Combine(o.RunDirectory, ReportFile);
            w.WriteString("report", File.Exists(report) ? report : null);
            w.WriteEndObject();
        }, indented: false);
    }
}
