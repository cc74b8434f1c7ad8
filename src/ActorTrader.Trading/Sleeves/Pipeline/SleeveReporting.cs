using System.Globalization;
using System.Text;
using ActorTrader.Backtest.Reports;
using ActorTrader.Trading.Panels;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// The report stage's files: <c>weights.json</c> and <c>weights.csv</c> (leg weights, and per symbol the signed allocation
/// and target weights — see <see cref="WeightsExplanation"/>), the tearsheet in
/// <c>tearsheet/</c> (the reports' <see cref="TearsheetWriter"/>), and at the end of every run — succeeded or not —
/// <c>sleeve_report.md</c> with an explicit PASS/FAIL status and <c>INDEX.md</c> (<see cref="RunIndexWriter"/>).
/// Text is invariant with '\n' line ends, so equal runs give equal bytes.
/// </summary>
internal static class SleeveReporting
{
    /// <summary>The one-line meaning of the two weight sets, written next to them in every weights file and the report.</summary>
    public const string WeightsExplanation =
        "\"allocation\" = the optimiser's weight per leg flattened to symbols (sign by direction), whatever is held today; " +
        "\"target\" = what to hold from the next open given today's signals (leg weight × |today's target| when the strategy is on the leg's side, else 0; the rest is cash).";

    /// <summary>At most this many rows of the target schedule go to the tearsheet's weights chart (evenly sampled, first and last kept).</summary>
    public const int TearsheetWeightRows = 500;

    private static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["00_data.json"] = "Stage 0 audit: data source (lakehouse, csv samples or synthetic), window and coverage per symbol.",
        ["01_aggregation.json"] = "Stage 1 audit: strategies (availability, degraded) and the candidate streams they produced.",
        [StrategyEventLog.FileName] = StrategyEventLog.Description,
        ["02_health.json"] = "Stage 2 audit: strict health of every candidate (NaN/inf returns, too few observations, never traded).",
        ["03_selection.json"] = "Stage 3 audit: natural selection, every relaxation level tried with its thresholds and survivors.",
        ["04_synthesis.json"] = "Stage 4 audit: long legs, short legs (−clip(R_raw, 1.0)) and dropped short candidates.",
        ["05_pre_opt.json"] = "Stage 5 audit: correlation clusters, antifragility and the caps given to the optimiser.",
        ["06_optimisation.json"] = "Stage 6 audit: every engine's weights or error after the stable-sum gate.",
        ["07_report.json"] = "Stage 7 audit: files written by the report stage.",
        ["08_validation.json"] = "Stage 8 audit: the validation backtest, or why it did not run.",
        [SleevePipeline.WeightsJsonFile] = "Leg (candidate) weights of the primary engine, the signed allocation they flatten to and the target to hold from the next open (JSON).",
        [SleevePipeline.WeightsCsvFile] = "Leg and signed asset weights (CSV): weight = allocation (optimiser weights per leg flattened), target_weight = what to hold from the next open given today's signals.",
        [SleevePipeline.SignTestFile] = "Directional Correction Sign Test of every short leg (written in every run that reaches synthesis).",
        [SleevePipeline.ValidationFile] = "Validation backtest of the sleeve's weights with trading costs.",
        [SleevePipeline.OutcomeFile] = "How the sleeve run ended: status, failure stage and reason, degraded strategies, exclusions.",
        [SleevePipeline.ReportFile] = "Sleeve report: PASS/FAIL status and every stage's result.",
        [$"{SleevePipeline.TearsheetDirectory}/{TearsheetWriter.WeightsFileName}"] = "Signed asset weights the sleeve held bar by bar (its target schedule, at most " + TearsheetWeightRows.ToString(CultureInfo.InvariantCulture) +
            " rows evenly sampled), dated by the bar each row was held over (CSV).",
    };

    public static ReportAudit WriteWeightsAndTearsheet(SleeveRun run, TearsheetOptions options)
    {
        var portfolio = run.Portfolio!;
        var optimisation = run.Optimisation!;
        var kept = run.PreOptimisation!.Kept;
        var engine = optimisation.Primary!.Method;
        var panel = run.Panel!;
        var legs = kept.Select((l, j) => new LegWeightRow(l.Id, l.Candidate.Strategy, l.Candidate.Symbol.ToString(),
            l.Candidate.Direction == CandidateDirection.Long ? "long" : "short", portfolio.LegWeights[j].Weight)
        {
            CurrentExposure = l.Candidate.CurrentExposure,
            TargetWeight = portfolio.LegWeights[j].Weight * l.Candidate.CurrentExposure,
        }).ToList();
        var assets = portfolio.AssetWeights.Select(kv => new AssetWeightRow(kv.Key.ToString(), kv.Value)).ToList();
        var targets = portfolio.TargetWeights.Select(kv => new AssetWeightRow(kv.Key.ToString(), kv.Value)).ToList();
        run.Audit.Json(SleevePipeline.WeightsJsonFile, new SleeveWeightsFile(run.Definition.Name, run.Id.Value, engine, PanelSourceNames.Name(panel.Source),
            panel.Synthetic, portfolio.Dates[0], portfolio.Dates[^1], portfolio.Dates.Count, legs, assets)
        {
            Explanation = WeightsExplanation,
            TargetsDecidedAt = panel.Panel.Times[^1],
            Targets = targets,
        });

        // Asset rows: weight = allocation, target_weight = target (both signed). Leg rows: the leg weight and the part of it held now (w × |target|).
        var targetOf = portfolio.TargetWeights;
        var csv = new StringBuilder("level,id,strategy,symbol,direction,weight,target_weight\n");
        foreach (var l in legs) csv.Append(CultureInfo.InvariantCulture, $"leg,{l.Id},{l.Strategy},{l.Symbol},{l.Direction},{Exact(l.Weight)},{Exact(l.TargetWeight)}\n");
        foreach (var (symbol, weight) in portfolio.AssetWeights)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"asset,{symbol},,{symbol},{(weight < 0 ? "short" : "long")},{Exact(weight)},{Exact(targetOf.GetValueOrDefault(symbol))}\n");
        }
        run.Audit.Text(SleevePipeline.WeightsCsvFile, csv.ToString());

        string? tearsheet = null, skipped = null;
        try
        {
            var data = new TearsheetData($"Sleeve {run.Definition.Name} — {engine}", run.Id.Value, run.Definition.Name, portfolio.Dates, portfolio.Returns, run.Axis!.PeriodsPerYear)
            {
                Weights = WeightsOverTime(portfolio),
                Notes = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["engine"] = engine,
                    ["data source"] = PanelSourceNames.Name(panel.Source) + (panel.Synthetic ? " (synthetic)" : ""),
                    ["legs"] = legs.Count.ToString(CultureInfo.InvariantCulture),
                    ["sleeve"] = run.Definition.Name,
                },
            };
            new TearsheetWriter(options).Write(data, Path.Combine(run.Directory, SleevePipeline.TearsheetDirectory));
            tearsheet = SleevePipeline.TearsheetDirectory;
        }
        catch (ArgumentException e)
        {
            // The tearsheet refuses streams it cannot chart (too short, a loss beyond −100%); the weights stand, the audit says why.
            skipped = e.Message;
        }
        return new ReportAudit(engine, [SleevePipeline.WeightsJsonFile, SleevePipeline.WeightsCsvFile], tearsheet, skipped);
    }

    /// <summary>
    /// The tearsheet's weights over time: the target schedule's rows that earned the in-sample returns (not the last, which is
    /// for the bar after the window), each dated by the bar it was held over — the date of the return it earned — and sampled
    /// to at most <see cref="TearsheetWeightRows"/> rows.
    /// </summary>
    internal static WeightsHistory? WeightsOverTime(SleevePortfolio portfolio)
    {
        var schedule = portfolio.Schedule;
        if (schedule.Symbols.Count == 0 || schedule.Count < 2) return null;
        var held = new SleeveSchedule([.. schedule.Dates.Skip(1)], schedule.Symbols, [.. schedule.Weights.Take(schedule.Count - 1)]).Sample(TearsheetWeightRows);
        return new WeightsHistory(held.Dates, [.. held.Symbols.Select(s => s.ToString())], held.Weights);
    }

    public static void WriteReportAndIndex(SleeveRun run, SleeveOutcome outcome)
    {
        run.Audit.Text(SleevePipeline.ReportFile, Markdown(run, outcome));
        new RunIndexWriter(Descriptions).Write(run.Directory, new RunIndexHeader(run.Definition.Name, run.Id.Value, run.Id.StartedAt));
    }

    private static string Markdown(SleeveRun run, SleeveOutcome outcome)
    {
        var d = run.Definition;
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line($"# Sleeve {d.Name} — run {run.Id.Value}");
        Line();
        if (d.Description.Length > 0) { Line(d.Description); Line(); }
        Line("## Status");
        Line();
        Line(outcome.Succeeded ? "**PASS** — the sleeve produced optimised weights." : $"**FAIL** at stage `{outcome.FailureStage}`: {outcome.FailureReason}");
        if (outcome.SyntheticData) Line("\n**Synthetic data**: the bars were generated, not observed; the weights demonstrate the pipeline and must not be traded.");
        if (outcome.DegradedStrategies.Count > 0)
            Line($"\n**Degraded**: ran without {string.Join(", ", outcome.DegradedStrategies)} (failed repeatedly; see 01_aggregation.json).");
        Line();
        Line($"- Sleeve file: {RelativePaths.Under(d.Source, run.WorkingDirectory)}");
        Line($"- Account: {(d.Account == Domain.Accounting.AccountKind.Margin ? "margin" : "cash")}");
        Line(outcome.SignTestRan
            ? $"- Directional sign test: {(outcome.SignTestPassed ? "passed" : "FAILED")} (see {SleevePipeline.SignTestFile})"
            : $"- Directional sign test: not reached (stopped at {outcome.FailureStage ?? "an earlier stage"})");
        Line();

        Line("## Data");
        Line();
        if (run.Panel is { } panel)
        {
            Line($"- Source: {PanelSourceNames.Name(panel.Source)}{(panel.Synthetic ? " (synthetic data)" : "")} — {panel.Location}");
            foreach (var s in panel.Skipped) Line($"- Skipped {s}");
            Line($"- Bars: {panel.Panel.TimeCount} ({Date(panel.Panel.Times[0])} .. {Date(panel.Panel.Times[^1])}), symbols: {string.Join(", ", panel.Panel.Symbols)}");
        }
        else
        {
            Line("- Not loaded.");
        }
        Line();

        Line("## Strategies");
        Line();
        Line("| Strategy | Enabled | Available | Candidates | Note |");
        Line("|---|---|---|---:|---|");
        foreach (var s in d.Strategies)
        {
            var row = run.Aggregation?.Strategies.FirstOrDefault(r => r.Strategy == s.Name);
            var availability = run.Availability.FirstOrDefault(a => a.Strategy == s.Name);
            var degraded = run.Degraded.FirstOrDefault(g => g.Strategy == s.Name);
            var note = degraded is not null ? $"DEGRADED after {degraded.Attempts} attempt(s): {degraded.LastError}" : availability?.Reason ?? "";
            Line($"| {s.Name} | {YesNo(s.Setting.Enabled)} | {YesNo(availability?.IsEnabled ?? false)} | {row?.Candidates.Count ?? 0} | {Cell(note)} |");
        }
        Line();

        if (run.Health is { } health)
        {
            Line("## Strict health");
            Line();
            Line($"{health.Healthy.Count} of {health.Audit.Candidates} candidate(s) healthy (min observations {d.Health.MinObservations}).");
            foreach (var e in health.Excluded) Line($"- excluded {e.Id}: {e.Reason}");
            Line();
        }

        if (run.Selection is { } selection)
        {
            Line("## Natural selection");
            Line();
            Line($"Minimum candidates: {d.Selection.MinCandidates}; level used: {selection.Audit.LevelUsed}; minimum met: {YesNo(selection.Audit.MinimumMet)}.");
            Line();
            Line("| Level | Min Sharpe | Max drawdown | Min trades | Min hit rate | Passed | Met |");
            Line("|---:|---:|---:|---:|---:|---:|---|");
            foreach (var l in selection.Audit.Levels)
                Line($"| {l.Level} | {Number(l.MinSharpe)} | {Number(l.MaxDrawdown)} | {l.MinTrades} | {Number(l.MinHitRate)} | {l.Passed} | {YesNo(l.MetMinimum)} |");
            Line();
        }

        if (run.Synthesis is { } synthesis)
        {
            Line("## Synthesis");
            Line();
            Line($"Long legs: {synthesis.Audit.LongLegs}; short legs: {synthesis.Audit.ShortLegsMade} (R_short = −clip(R_raw, upper = {Number(synthesis.Audit.ClipUpper)})); " +
                 $"dropped short candidates: {synthesis.Dropped.Count}; sign gate: {(synthesis.SignTest.GateEnabled ? "on" : "off")}.");
            foreach (var c in synthesis.SignTest.Candidates)
                Line($"- {c.Id}: {c.Agreements}/{c.Observations} inverted, {c.Violations} violation(s), p = {(c.PValue is { } p ? p.ToString("G4", CultureInfo.InvariantCulture) : "n/a")} — {(c.Passed ? "passed" : "FAILED")}");
            Line();
        }

        if (run.PreOptimisation?.Audit is { } pre)
        {
            Line("## Pre-optimisation");
            Line();
            Line($"Common window from {Date(pre.WindowStart)} ({pre.WindowPeriods} periods); {pre.Clusters.Count} correlation cluster(s) at ρ ≥ {Number(pre.CorrelationThreshold)}, at most {pre.MaxPerCluster} per cluster.");
            foreach (var c in pre.Constraints.Caps.Where(c => c.Applied < 1)) Line($"- cap {c.Family} / {c.Group}: {Number(c.Applied)}{(c.Note is null ? "" : $" ({c.Note})")}");
            Line();
        }

        if (run.Optimisation is { } optimisation)
        {
            Line("## Optimisation");
            Line();
            Line("| Engine | Primary | Result | Σw / error |");
            Line("|---|---|---|---|");
            foreach (var e in optimisation.Engines)
                Line($"| {e.Engine} | {YesNo(e.Primary)} | {(e.Succeeded ? "ok" : "FAILED")} | {Cell(e.Succeeded ? Number(e.WeightSum ?? 0) : e.Error ?? "")} |");
            Line();
        }

        if (outcome.Succeeded && run.Portfolio is { } portfolio)
        {
            Line("## Weights");
            Line();
            Line(WeightsExplanation);
            Line();
            var kept = run.PreOptimisation!.Kept;
            Line("| Leg | Weight | Current exposure | Target |");
            Line("|---|---:|---:|---:|");
            for (var j = 0; j < portfolio.LegWeights.Count; j++)
            {
                var w = portfolio.LegWeights[j];
                var exposure = kept[j].Candidate.CurrentExposure;
                Line($"| {w.Id} | {Number(w.Weight)} | {Number(exposure)} | {Number(w.Weight * exposure)} |");
            }
            Line();
            Line($"| Asset | Allocation (signed) | Target (signed, from the next open after {Date(run.Panel!.Panel.Times[^1])}) |");
            Line("|---|---:|---:|");
            foreach (var (symbol, weight) in portfolio.AssetWeights) Line($"| {symbol} | {Number(weight)} | {Number(portfolio.TargetWeights.GetValueOrDefault(symbol))} |");
            Line();
            Line($"Target net: {Number(portfolio.TargetWeights.Values.Sum())}, gross: {Number(portfolio.TargetWeights.Values.Sum(Math.Abs))} (what the target does not use stays in cash).");
            Line();
        }

        if (run.Validation is { } validation)
        {
            Line("## Validation backtest");
            Line();
            Line(validation.Result is { } r
                ? $"{r.Simulator} at {Number(r.CostBps)} bps: total return {Number(r.Statistics.TotalReturn)} (in-sample {Number(r.InSampleTotalReturn)}), " +
                  $"Sharpe {Number(r.Statistics.Sharpe)} (in-sample {Number(r.InSampleSharpe)}), max drawdown {Number(r.Statistics.MaxDrawdown)}, " +
                  $"turnover {Number(r.Statistics.Turnover)} per year, {r.Statistics.Trades} trades."
                : $"Not run: {validation.Reason}.");
            Line();
        }

        if (outcome.Excluded.Count > 0)
        {
            Line("## Excluded");
            Line();
            foreach (var e in outcome.Excluded) Line($"- {e}");
            Line();
        }
        return md.ToString();
    }

    private static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("0.####", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}

/// <summary>
/// <c>weights.json</c>: the primary engine's leg weights, the signed allocation per symbol (<see cref="Assets"/>) and the
/// signed target per symbol (<see cref="Targets"/>, decided at <see cref="TargetsDecidedAt"/>), with the run's data source.
/// </summary>
public sealed record SleeveWeightsFile(
    string Sleeve,
    string RunId,
    string Engine,
    string DataSource,
    bool Synthetic,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    int Periods,
    IReadOnlyList<LegWeightRow> Legs,
    IReadOnlyList<AssetWeightRow> Assets)
{
    /// <summary>What "allocation" (<see cref="Assets"/>) and "target" (<see cref="Targets"/>) mean.</summary>
    public string Explanation { get; init; } = SleeveReporting.WeightsExplanation;

    /// <summary>The close of the last panel bar, when the targets were decided; they apply from the next open.</summary>
    public DateTimeOffset? TargetsDecidedAt { get; init; }

    /// <summary>Signed target weight per symbol (same symbols as <see cref="Assets"/>, 0 kept).</summary>
    public IReadOnlyList<AssetWeightRow> Targets { get; init; } = [];
}

/// <summary>A leg's weight with what it is; <see cref="TargetWeight"/> = weight × <see cref="CurrentExposure"/> is the part held from the next open.</summary>
public sealed record LegWeightRow(string Id, string Strategy, string Symbol, string Direction, double Weight)
{
    /// <summary>|target| of the leg's strategy for its symbol decided at the last close when on the leg's side, else 0.</summary>
    public double CurrentExposure { get; init; }

    /// <summary>Weight × current exposure (unsigned like <see cref="Weight"/>; the direction gives the side).</summary>
    public double TargetWeight { get; init; }
}
