using ActorTrader.Backtest.Reports;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Meta;

/// <summary>
/// One-line descriptions for the meta run's <c>INDEX.md</c> (by file name, or by path where a name means different things
/// in different places): the meta's own files, its tearsheet, and the files each sleeve writes under
/// <c>sleeves/&lt;name&gt;/</c> (stage audits <c>00_data.json</c> … <c>08_validation.json</c>, report, outcome, weights, tearsheet).
/// The sleeve lines restate the sleeve's own index wording (kept private by the sleeve's reporting), prefixed "Sleeve".
/// </summary>
internal static class MetaIndexDescriptions
{
    private static readonly IReadOnlyDictionary<string, string> ByName = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [MetaArtifacts.AssetWeightsJsonFile] = "Meta-portfolio allocation: flattened signed asset weights (sleeve optimiser weights × meta-weights) (JSON).",
        [MetaArtifacts.TargetWeightsJsonFile] = "Meta-portfolio target: flattened signed weights to hold from the next open given the sleeves' last signals (JSON).",
        ["00_data.json"] = "Sleeve stage 0 audit: data source (lakehouse, csv samples or synthetic), window and coverage per symbol.",
        ["01_aggregation.json"] = "Sleeve stage 1 audit: strategies (availability, degraded) and the candidate streams they produced.",
        [StrategyEventLog.FileName] = "Sleeve: " + StrategyEventLog.Description,
        ["02_health.json"] = "Sleeve stage 2 audit: strict health of every candidate (NaN/inf returns, too few observations, never traded).",
        ["03_selection.json"] = "Sleeve stage 3 audit: natural selection, every relaxation level tried with its thresholds and survivors.",
        ["04_synthesis.json"] = "Sleeve stage 4 audit: long legs, short legs (−clip(R_raw, 1.0)) and dropped short candidates.",
        ["05_pre_opt.json"] = "Sleeve stage 5 audit: correlation clusters, antifragility and the caps given to the optimiser.",
        ["06_optimisation.json"] = "Sleeve stage 6 audit: every engine's weights or error after the stable-sum gate.",
        ["07_report.json"] = "Sleeve stage 7 audit: files written by the report stage.",
        ["08_validation.json"] = "Sleeve stage 8 audit: the validation backtest, or why it did not run.",
        [SleevePipeline.SignTestFile] = "Sleeve: Directional Correction Sign Test of every short leg (written in every run that reaches synthesis).",
        [SleevePipeline.ValidationFile] = "Sleeve: validation backtest of the sleeve's weights with trading costs.",
        [SleevePipeline.OutcomeFile] = "Sleeve: how the sleeve run ended: status, failure stage and reason, degraded strategies, exclusions.",
        [SleevePipeline.ReportFile] = "Sleeve report: PASS/FAIL status and every stage's result.",
    };

    /// <summary>The descriptions for a run of <paramref name="profile"/>: the fixed names plus paths under each of its sleeves.</summary>
    public static IReadOnlyDictionary<string, string> For(MetaProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var map = new Dictionary<string, string>(ByName, StringComparer.Ordinal)
        {
            [$"{MetaTearsheet.Directory}/{TearsheetWriter.HtmlFileName}"] = "Meta-portfolio tearsheet of the in-sample meta return stream (Σ meta-weight × sleeve return per common date): equity, drawdown, rolling Sharpe, monthly returns, meta-weights (self-contained HTML).",
            [$"{MetaTearsheet.Directory}/{TearsheetWriter.SummaryFileName}"] = "Meta-portfolio statistics, monthly returns and notes (profile, optimiser, sleeves, common window) in Markdown.",
            [$"{MetaTearsheet.Directory}/{TearsheetWriter.ReturnsFileName}"] = "Meta-portfolio return per common date with equity and drawdown (CSV).",
            [$"{MetaTearsheet.Directory}/{TearsheetWriter.WeightsFileName}"] = "Meta-weights, one column per sleeve (CSV).",
            [$"{MetaTearsheet.Directory}/{TearsheetWriter.StatisticsFileName}"] = "Meta-portfolio performance statistics, monthly and yearly returns (JSON).",
        };
        foreach (var sleeve in profile.Sleeves)
        {
            var folder = $"{SleeveRunDirectory.SharedFolder}/{sleeve}";
            map[$"{folder}/{RunIndexWriter.FileName}"] = $"Sleeve {sleeve}: its own index of the files below.";
            map[$"{folder}/{SleevePipeline.WeightsJsonFile}"] = $"Sleeve {sleeve}: leg weights of the primary engine, the signed allocation they flatten to and the target to hold from the next open (JSON).";
            map[$"{folder}/{SleevePipeline.WeightsCsvFile}"] = $"Sleeve {sleeve}: leg and signed asset weights (CSV): weight = allocation, target_weight = what to hold from the next open.";
            map[$"{folder}/{SleevePipeline.TearsheetDirectory}/{TearsheetWriter.WeightsFileName}"] = $"Sleeve {sleeve}: signed asset weights it held bar by bar (its target schedule, sampled), for its tearsheet (CSV).";
        }
        return map;
    }
}
