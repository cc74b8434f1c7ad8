using System.Globalization;
using ActorTrader.Data.Runs;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Availability;
using ActorTrader.Trading.Panels;
using ActorTrader.Trading.Sleeves.Definition;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// The production flow of one sleeve (flow-production): data → aggregation + strict health → natural selection →
/// strategy synthesis → pre-optimisation → optimisation → report → optional validation backtest. Every stage writes its
/// audit into the run directory (<c>00_data.json</c> … <c>08_validation.json</c>); the run ends with
/// <c>sleeve_outcome.json</c>, <c>sleeve_report.md</c> and <c>INDEX.md</c>, also when a stage stops it. A failed stage
/// is an outcome (<see cref="SleeveOutcome.FailureStage"/>), never an exception. <see cref="RunAsync"/> runs everything
/// in the caller; the sleeve actor runs the same stages but aggregates each strategy in its own child.
/// </summary>
public sealed class SleevePipeline
{
    public const string WeightsJsonFile = "weights.json";
    public const string WeightsCsvFile = "weights.csv";
    public const string ReportFile = "sleeve_report.md";
    public const string OutcomeFile = "sleeve_outcome.json";
    public const string SignTestFile = "directional_sign_test.json";
    public const string ValidationFile = "validation_backtest.json";
    public const string TearsheetDirectory = "tearsheet";

    private readonly SleeveServices _services;
    private readonly Func<double, double>? _invert;

    public SleevePipeline(SleeveServices services) : this(services, null) { }

    /// <param name="invert">Replaces the short-leg inversion (tests inject a faulty one to see the sign test catch it).</param>
    internal SleevePipeline(SleeveServices services, Func<double, double>? invert)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _invert = invert;
    }

    /// <summary>
    /// Runs the whole pipeline of <paramref name="definition"/> into <paramref name="directory"/> (see
    /// <see cref="SleeveRunDirectory"/>), aggregating the strategies one after the other. <paramref name="from"/> and
    /// <paramref name="to"/> override the sleeve's window (UTC; start inclusive, end exclusive).
    /// </summary>
    public async Task<SleeveOutcome> RunAsync(SleeveDefinition definition, RunId run, string directory, DateTimeOffset? from = null, DateTimeOffset? to = null,
        CancellationToken cancellationToken = default)
    {
        var state = Start(definition, run, directory);
        if (await LoadAsync(state, from, to, cancellationToken).ConfigureAwait(false) is { } failed) return failed;
        var results = new List<StrategyCandidates>();
        var degraded = new List<DegradedStrategy>();
        foreach (var strategy in state.Runnable)
        {
            try
            {
                results.Add(StrategyAggregation.Compute(strategy.Strategy, strategy.Setting.Parameters, state.Panel!.Panel, state.Axis!, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Without an actor there is no restart: one failed attempt degrades the sleeve, as repeated failures do there.
                degraded.Add(new DegradedStrategy(strategy.Name, 1, Describe(e)));
            }
        }
        return Complete(state, results, degraded);
    }

    internal SleeveRun Start(SleeveDefinition definition, RunId run, string directory)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (run.Value is null) throw new ArgumentException("The run id is empty; create one with RunId.New.", nameof(run));
        return new SleeveRun(definition, run, directory) { WorkingDirectory = _services.Panels.WorkingDirectory };
    }

    /// <summary>Stage 0: loads the panel, writes <c>00_data.json</c> and decides which strategies can run. Returns a failed outcome, or null.</summary>
    internal async Task<SleeveOutcome?> LoadAsync(SleeveRun run, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var d = run.Definition;
        var request = new PanelRequest(d.Universe.Symbols, d.Universe.Timeframe, d.Universe.Source,
            from ?? d.Window.From, to ?? d.Window.To, from is null ? d.Window.LookbackBars : null);
        try
        {
            var loaded = await _services.Panels.LoadAsync(request, cancellationToken).ConfigureAwait(false);
            run.Panel = loaded;
            var panel = loaded.Panel;
            if (panel.TimeCount < 2)
                return Fail(run, "data", $"the window holds {panel.TimeCount} bar(s) from {PanelSourceNames.Name(loaded.Source)}; a sleeve needs at least 2. Fix: widen the window.");
            run.Axis = ReturnAxis.Of(panel);
            run.Audit.Stage(0, "data", new DataAudit(PanelSourceNames.Name(loaded.Source), loaded.Synthetic, loaded.Location, loaded.Skipped,
                [.. d.Universe.Symbols.Select(s => s.ToString())], d.Universe.Timeframe.Name, request.From, request.To, request.LookbackBars,
                panel.TimeCount, panel.Times[0], panel.Times[^1], run.Axis.PeriodsPerYear, loaded.Coverage));
            var fundamentals = panel.Fundamentals.Count > 0;
            run.Availability = [.. d.Strategies.Select(s => StrategyAvailability.Check(s.Strategy, s.Setting, d.Account, fundamentals))];
            return null;
        }
        catch (PanelLoadException e)
        {
            return Fail(run, "data", e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Fail(run, "data", Describe(e));
        }
    }

    /// <summary>Stages 1–8 once every runnable strategy has been aggregated or has degraded.</summary>
    internal SleeveOutcome Complete(SleeveRun run, IReadOnlyList<StrategyCandidates> results, IReadOnlyList<DegradedStrategy> degraded)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(degraded);
        var d = run.Definition;
        var axis = run.Axis ?? throw new InvalidOperationException("Complete needs the panel loaded (LoadAsync) first.");
        var stage = "aggregation";
        try
        {
            run.Degraded = [.. degraded.OrderBy(g => g.Strategy, StringComparer.Ordinal)];
            var byName = results.ToDictionary(r => r.Strategy, StringComparer.Ordinal);
            // Strategy order of the sleeve file, then the order each strategy gave (symbol, long before short).
            var candidates = d.Strategies.Where(s => byName.ContainsKey(s.Name)).SelectMany(s => byName[s.Name].Candidates).ToList();
            run.Aggregation = AggregationOf(run, byName, candidates.Count);
            run.Audit.Stage(1, "aggregation", run.Aggregation);
            run.Audit.Text(StrategyEventLog.FileName, StrategyEventLog.Render(d.Strategies.Where(s => byName.ContainsKey(s.Name)).Select(s => byName[s.Name])));
            foreach (var a in run.Availability.Where(a => !a.IsEnabled))
                run.Excluded.Add(new ExcludedCandidate(a.Strategy, "aggregation", a.Reason ?? "not available"));
            foreach (var g in run.Degraded)
                run.Excluded.Add(new ExcludedCandidate(g.Strategy, "aggregation", $"degraded: failed {g.Attempts} time(s); last error: {g.LastError}"));
            if (candidates.Count == 0)
                return Fail(run, stage, "no strategy produced candidates" + Unavailable(run) + ". Fix: enable strategies that suit the account and data, or check the degraded strategies' errors.");

            stage = StrictHealth.StageName;
            run.Health = StrictHealth.Apply(candidates, axis, d.Health);
            run.Audit.Stage(2, stage, run.Health.Audit);
            run.Excluded.AddRange(run.Health.Excluded);
            if (run.Health.Healthy.Count == 0)
            {
                return Fail(run, stage,
                    $"every one of the {candidates.Count} candidate(s) failed strict health (see 02_health.json). Fix: widen the window or lower " +
                    "health.min-observations when they have too few observations, repair or replace the data when their returns are not finite, " +
                    "or enable strategies that trade these symbols.");
            }

            stage = NaturalSelection.StageName;
            run.Selection = NaturalSelection.Apply(run.Health.Healthy, d.Selection, axis.PeriodsPerYear);
            run.Audit.Stage(3, stage, run.Selection.Audit);
            run.Excluded.AddRange(run.Selection.Excluded);
            if (run.Selection.Selected.Count == 0)
            {
                return Fail(run, stage,
                    $"empty universe after selection: none of the {run.Health.Healthy.Count} healthy candidate(s) passed any of the {run.Selection.Audit.Levels.Count} level(s), " +
                    "the loosest included (see 03_selection.json). Fix: add a looser level to selection.levels, lower selection.min-candidates, or widen the universe.");
            }

            stage = StrategySynthesis.StageName;
            run.Synthesis = StrategySynthesis.Apply(run.Selection.Selected, d.Synthesis, axis, _invert);
            run.Audit.Json(SignTestFile, run.Synthesis.SignTest);
            run.Audit.Stage(4, stage, run.Synthesis.Audit);
            run.Excluded.AddRange(run.Synthesis.Dropped);
            if (run.Synthesis.GateFailed)
            {
                return Fail(run, stage,
                    $"the Directional Correction Sign Test failed for {string.Join(", ", run.Synthesis.SignTest.Failed)}: a short leg does not invert its raw stream (see {SignTestFile}). " +
                    "Fix: this is a defect in short-leg synthesis, not in the data: report it with the sign test file; synthesis.sign-gate = off only lets the run go on to inspect the legs.");
            }
            if (run.Synthesis.Legs.Count == 0)
                return Fail(run, stage, "no legs left: every selected candidate was short and synthesis.short-legs is off. Fix: set short-legs = on (margin account) or add long strategies.");

            stage = PreOptimisation.StageName;
            var allocations = d.Strategies.ToDictionary(s => s.Name, s => s.Setting.Allocation, StringComparer.Ordinal);
            run.PreOptimisation = PreOptimisation.Apply(run.Synthesis.Legs, axis, d.PreOptimisation, d.Optimisation.MaxWeight, allocations);
            if (run.PreOptimisation.Audit is { } preAudit) run.Audit.Stage(5, stage, preAudit);
            run.Excluded.AddRange(run.PreOptimisation.Excluded);
            if (run.PreOptimisation.Failure is { } preFailure) return Fail(run, stage, preFailure);

            stage = PortfolioOptimisation.StageName;
            var pre = run.PreOptimisation;
            run.Optimisation = PortfolioOptimisation.Apply(pre.Kept, pre.WindowStart, pre.Constraints, d.Optimisation, axis.PeriodsPerYear, _services.Optimizers);
            run.Audit.Stage(6, stage, new OptimisationAudit(d.Optimisation.Primary, d.Optimisation.Covariance == CovarianceKind.Sample ? "sample" : "ledoit-wolf", run.Optimisation.Engines));
            if (run.Optimisation.Failure is { } optimisationFailure)
            {
                return Fail(run, stage, optimisationFailure.TrimEnd('.') +
                    ". Fix: make optimisation.primary an engine that succeeded (see 06_optimisation.json), or loosen optimisation.max-weight and the pre-opt caps.");
            }
            run.Portfolio = SleevePortfolio.Of(pre.Kept, run.Optimisation.Primary!, pre.WindowStart, axis);

            stage = "report";
            run.Report = SleeveReporting.WriteWeightsAndTearsheet(run, _services.Tearsheet);
            run.Audit.Stage(7, stage, run.Report);

            stage = "validation";
            run.Validation = Validate(run);
            if (run.Validation.Result is { } result) run.Audit.Json(ValidationFile, result);
            run.Audit.Stage(8, stage, run.Validation);
            return Finish(run, null, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Fail(run, stage, Describe(e));
        }
    }

    /// <summary>Ends the run at <paramref name="stage"/>: the outcome file, report and index are still written.</summary>
    internal static SleeveOutcome Fail(SleeveRun run, string stage, string reason) => Finish(run, stage, reason);

    private static SleeveOutcome Finish(SleeveRun run, string? stage, string? reason)
    {
        var succeeded = stage is null;
        var portfolio = succeeded ? run.Portfolio : null;
        var outcome = new SleeveOutcome(
            run.Definition.Name,
            run.Id,
            run.Directory,
            succeeded,
            stage,
            reason,
            portfolio?.Dates ?? [],
            portfolio?.Returns ?? [],
            portfolio?.AssetWeights ?? new SortedDictionary<Symbol, double>(),
            run.Synthesis?.SignTest.Passed ?? true,
            [.. run.Excluded.Select(e => e.ToString())])
        {
            TargetWeights = portfolio?.TargetWeights ?? new SortedDictionary<Symbol, double>(),
            TargetSchedule = portfolio?.Schedule ?? SleeveSchedule.Empty,
            SignTestRan = run.Synthesis is not null,
            DegradedStrategies = [.. run.Degraded.Select(g => g.Strategy)],
            DataSource = run.Panel is { } panel ? PanelSourceNames.Name(panel.Source) : null,
            SyntheticData = run.Panel?.Synthetic ?? false,
        };
        run.Audit.Json(OutcomeFile, new SleeveOutcomeFile(outcome.Sleeve, run.Id.Value, succeeded, stage, reason, outcome.DataSource, outcome.SyntheticData, outcome.SignTestPassed,
            outcome.DegradedStrategies, outcome.Excluded, outcome.Returns.Count,
            [.. outcome.AssetWeights.Select(kv => new AssetWeightRow(kv.Key.ToString(), kv.Value))])
        {
            TargetWeights = [.. outcome.TargetWeights.Select(kv => new AssetWeightRow(kv.Key.ToString(), kv.Value))],
            SignTestRan = outcome.SignTestRan,
        });
        SleeveReporting.WriteReportAndIndex(run, outcome);
        return outcome;
    }

    private ValidationAudit Validate(SleeveRun run)
    {
        var d = run.Definition;
        if (!d.Validation.Backtest) return new ValidationAudit(false, false, null, "validation.backtest = off", null, null);
        if (_services.Validation is not { } validator)
            return new ValidationAudit(true, false, null, "no validation backtest is configured on this host (SleeveServices.Validation is null)", null, null);
        var result = validator.Run(ValidationInput(run));
        return new ValidationAudit(true, true, validator.Name, null, result.Statistics, result);
    }

    private static SleeveValidationInput ValidationInput(SleeveRun run)
    {
        var axis = run.Axis!;
        var schedule = run.Portfolio!.Schedule;
        var column = axis.Symbols.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        int[] columns = [.. schedule.Symbols.Select(s => column[s])];
        // Schedule row t is decided at the close of bar windowStart + t; the return over that bar is period windowStart + t − 1
        // (row 0's bar has none in the window).
        var start = run.PreOptimisation!.WindowStart;
        var returns = new List<double[]>(schedule.Count);
        for (var t = 0; t < schedule.Count; t++)
            returns.Add(t == 0 ? [.. columns.Select(_ => double.NaN)] : [.. columns.Select(s => axis.AssetReturns(s)[start + t - 1])]);
        return new SleeveValidationInput(run.Definition.Name, run.Id.Value, schedule.Dates, schedule.Symbols, [.. schedule.Weights.Select(r => r.ToArray())], returns,
            run.Portfolio.Returns, run.Definition.Validation.CostBps, axis.PeriodsPerYear);
    }

    private static AggregationAudit AggregationOf(SleeveRun run, IReadOnlyDictionary<string, StrategyCandidates> byName, int total)
    {
        var rows = new List<StrategyAggregationAudit>();
        foreach (var s in run.Definition.Strategies)
        {
            var availability = run.Availability.FirstOrDefault(a => a.Strategy == s.Name);
            var produced = byName.GetValueOrDefault(s.Name);
            rows.Add(new StrategyAggregationAudit(
                s.Name,
                s.Setting.Enabled,
                availability?.IsEnabled ?? false,
                availability?.Reason,
                s.Setting.Allocation,
                s.Setting.Parameters.ToString(),
                run.Degraded.Any(g => g.Strategy == s.Name),
                produced?.Events ?? 0,
                [.. (produced?.Candidates ?? []).Select(c => new CandidateAudit(c.Id, c.Direction == CandidateDirection.Long ? "long" : "short",
                    c.FirstObservation, c.Observations, c.ActiveBars, c.Trades))]));
        }
        return new AggregationAudit(run.Definition.Account == AccountKind.Margin ? "margin" : "cash", rows, total, run.Degraded);
    }

    private static string Unavailable(SleeveRun run)
    {
        var parts = run.Availability.Where(a => !a.IsEnabled).Select(a => $"{a.Strategy}: {a.Reason}")
            .Concat(run.Degraded.Select(g => $"{g.Strategy}: degraded ({g.LastError})"))
            .ToList();
        return parts.Count == 0 ? "" : " (" + string.Join("; ", parts) + ")";
    }

    internal static string Describe(Exception e) => string.Create(CultureInfo.InvariantCulture, $"{e.GetType().Name}: {e.Message}");
}

/// <summary>The <c>06_optimisation.json</c> audit: the primary engine, the covariance estimator and every engine's outcome.</summary>
public sealed record OptimisationAudit(string Primary, string Covariance, IReadOnlyList<EngineAudit> Engines);
