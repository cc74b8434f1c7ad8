using System.Text;
using ActorTrader.Backtest.Reports;
using ActorTrader.Data.Runs;

namespace ActorTrader.Trading.Meta;

/// <summary>
/// Renders <c>meta_portfolio_report.md</c>: Status (an explicit PASS or FAIL with every reason), Completeness and
/// Sign test (one row per sleeve), Meta-weights, Flattened asset weights (the allocation) and Target weights (what to hold
/// from the next open), each |w| descending then symbol, Tearsheet (where it is, or why there is none) and Inputs.
/// Sections a failed run did not reach say why they are empty.
/// </summary>
internal static class MetaReport
{
    /// <param name="tearsheet">What the tearsheet writer did; null when the run did not get that far.</param>
    public static string Render(MetaProfile profile, RunId run, MetaEvaluation evaluation, MetaTearsheet.Result? tearsheet = null)
    {
        var md = new Md();
        md.Line($"# Meta-portfolio report: {profile.Name}").Line();

        md.Line("## Status").Line();
        if (evaluation.Succeeded)
        {
            md.Line($"**PASS**: {MetaText.Int(evaluation.Completeness.Rows.Count)} sleeve(s) passed the completeness and sign-test gates; meta-weights by {profile.Optimizer}.");
        }
        else
        {
            md.Line($"**FAIL**: {MetaText.Int(evaluation.Reasons.Count)} reason(s):").Line();
            foreach (var reason in evaluation.Reasons) md.Line($"- {MetaText.Cell(reason)}");
        }
        md.Line();

        Gate(md, "Completeness", evaluation.Completeness,
            $"Every sleeve needs a run id, an artifacts directory holding its weights file, finite asset and target weights, a non-empty return stream without NaN and a succeeded run; at least {MetaText.Int(MetaProfile.MinimumSleeves)} sleeves unless allow-single-sleeve (here {(profile.AllowSingleSleeve ? "on" : "off")}).");
        Gate(md, "Sign test", evaluation.SignTest,
            "Every sleeve's directional sign test (short-leg inversion) must have run and passed; \"not run\" for a sleeve the completeness gate failed is listed there, not again under Status.");

        md.Line("## Meta-weights").Line();
        if (evaluation.MetaWeights is { } weights)
        {
            md.Line("| Sleeve | Weight |").Line("|---|---:|");
            for (var i = 0; i < weights.Assets.Count; i++) md.Line($"| {MetaText.Cell(weights.Assets[i])} | {MetaText.Weight(weights.Weights[i])} |");
            md.Line().Line($"Sum: {MetaText.Weight(weights.Weights.Sum())} (stable-sum gate PASS).");
        }
        else
        {
            md.Line(NotReached(evaluation));
        }
        md.Line();

        md.Line("## Flattened asset weights").Line();
        if (evaluation.MetaWeights is not null)
        {
            md.Line("| Symbol | Weight |").Line("|---|---:|");
            foreach (var (symbol, weight) in evaluation.AssetWeights) md.Line($"| {MetaText.Cell(symbol.ToString())} | {MetaText.Weight(weight)} |");
            md.Line().Line($"Net: {MetaText.Weight(evaluation.AssetWeights.Sum(p => p.Value))}, gross: {MetaText.Weight(evaluation.AssetWeights.Sum(p => Math.Abs(p.Value)))}.");
        }
        else
        {
            md.Line(NotReached(evaluation));
        }
        md.Line();

        md.Line("## Target weights").Line();
        if (evaluation.MetaWeights is not null)
        {
            md.Line(MetaArtifacts.WeightsExplanation).Line();
            md.Line("| Symbol | Target | Allocation |").Line("|---|---:|---:|");
            var allocation = evaluation.AssetWeights.ToDictionary(p => p.Key, p => p.Value);
            foreach (var (symbol, weight) in evaluation.TargetWeights)
                md.Line($"| {MetaText.Cell(symbol.ToString())} | {MetaText.Weight(weight)} | {MetaText.Weight(allocation.GetValueOrDefault(symbol))} |");
            md.Line().Line($"Net: {MetaText.Weight(evaluation.TargetWeights.Sum(p => p.Value))}, gross: {MetaText.Weight(evaluation.TargetWeights.Sum(p => Math.Abs(p.Value)))} (what the target does not use stays in cash).");
        }
        else
        {
            md.Line(NotReached(evaluation));
        }
        md.Line();

        md.Line("## Tearsheet").Line();
        if (tearsheet is { Output: { } output })
        {
            md.Line($"{MetaTearsheet.Directory}/{TearsheetWriter.HtmlFileName} (summary in {MetaTearsheet.Directory}/{TearsheetWriter.SummaryFileName}): the in-sample meta return stream, " +
                $"Σ meta-weight × sleeve return on each common date. Total return {MetaText.Weight(output.Statistics.Summary.TotalReturn)}, " +
                $"Sharpe {MetaText.Weight(output.Statistics.Summary.Sharpe)}, max drawdown {MetaText.Weight(output.Statistics.Summary.MaxDrawdown.Depth)}.");
        }
        else if (tearsheet is { Skipped: { } skipped })
        {
            md.Line($"Not written: {MetaText.Cell(skipped)}");
        }
        else
        {
            md.Line(NotReached(evaluation));
        }
        md.Line();

        md.Line("## Inputs").Line();
        md.Line($"- Profile: {profile.Name}");
        md.Line($"- Run id: {run.Value}");
        md.Line($"- Sleeves: {string.Join(", ", profile.Sleeves)}");
        md.Line($"- Optimiser: {profile.Optimizer}");
        md.Line($"- Allow single sleeve: {(profile.AllowSingleSleeve ? "on" : "off")}");
        md.Line($"- Sleeve timeout: {MetaText.Duration(profile.SleeveTimeout)}");
        md.Line($"- Minimum overlap: {MetaText.Int(profile.MinOverlap)} bars");
        if (evaluation.Matrix is { } matrix)
        {
            md.Line(matrix.Dates.Count > 0
                ? $"- Common dates: {MetaText.Int(matrix.Dates.Count)} bars, {MetaText.Date(matrix.Dates[0])} to {MetaText.Date(matrix.Dates[^1])}"
                : "- Common dates: none");
            foreach (var dropped in matrix.Dropped)
            {
                md.Line($"- Dropped dates of {dropped.Sleeve}: {MetaText.Int(dropped.Bars)}{(dropped.Bars > 0 ? $" ({MetaText.Date(dropped.Dates[0])} .. {MetaText.Date(dropped.Dates[^1])}; all listed in {MetaArtifacts.AlignmentFile})" : "")}");
            }
        }
        else
        {
            md.Line("- Common dates: not aligned (the gates failed)");
        }
        return md.ToString();
    }

    private static void Gate(Md md, string title, MetaGateResult gate, string rule)
    {
        md.Line($"## {title}").Line();
        md.Line($"{(gate.Passed ? "PASS" : "FAIL")}. {rule}").Line();
        md.Line("| Sleeve | Result | Reason |").Line("|---|---|---|");
        foreach (var row in gate.Rows) md.Line($"| {MetaText.Cell(row.Sleeve)} | {(row.Passed ? "PASS" : "FAIL")} | {MetaText.Cell(row.Reason)} |");
        var gateWide = gate.Failures.Count - gate.Rows.Count(r => !r.Passed);
        if (gateWide > 0)
        {
            md.Line();
            foreach (var failure in gate.Failures.Skip(gate.Failures.Count - gateWide)) md.Line($"- FAIL: {MetaText.Cell(failure)}");
        }
        md.Line();
    }

    private static string NotReached(MetaEvaluation evaluation) =>
        !evaluation.Completeness.Passed || !evaluation.SignTest.Passed
            ? "Not computed: the gates failed (see Status)."
            : "Not computed: see Status.";

    /// <summary>A builder that always ends lines with '\n', whatever the platform.</summary>
    private sealed class Md
    {
        private readonly StringBuilder _text = new();

        public Md Line(string text = "")
        {
            _text.Append(text).Append('\n');
            return this;
        }

        public override string ToString() => _text.ToString();
    }
}
