using ActorTrader.Backtest.Allocation;
using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Results;
using ActorTrader.Backtest.Settings;
using ActorTrader.Backtest.Simulation;
using ActorTrader.Backtest.StrategyRuns;
using ActorTrader.Backtest.WalkForward;
using ActorTrader.Backtest.Weights;
using ActorTrader.Data.Runs;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Availability;
using ActorTrader.Domain.Accounting;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Replay;
using ActorTrader.Strategies.Settings;
using ActorTrader.Trading.Panels;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Sleeves.Definition;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// <c>actortrader backtest</c>. <c>--strategy</c>: the strategy with its configured parameters on the data options (the
/// <see cref="DefaultUniverse"/> on the embedded default data when none are given), a look-ahead audit, then one
/// in-sample run — or, with <c>--engine</c>, the strategy's long picks re-optimised by that engine at every rebalance, or
/// with <c>--walk-forward</c>, rolling train/test windows choosing among <see cref="WalkForwardCandidates"/>. Each of
/// these holds only what the <see cref="BacktestUniverse"/> allows at each decision (the features matrix point in time, or
/// the fixed symbol list).
/// <c>--sleeve</c>: the sleeve's whole pipeline (its primary engine, or <c>--engine</c>), then its signed asset weights
/// held over the sleeve's window on the sleeve's account. Writes <c>data/runs/&lt;RUN_ID&gt;/</c> and prints a summary, or
/// with <c>--json</c> only the statistics object. Exit 0; 1 when the run failed or the look-ahead audit found something;
/// 2 for a bad command line (unknown strategy, engine or sleeve, with the closest name).
/// </summary>
internal sealed class BacktestRunner(CliContext context, TimeProvider clock)
{
    public async Task<int> RunAsync(string? configFile, BacktestOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        // Names are checked before anything is loaded: a typo is a usage error whatever the configuration says.
        var strategy = options.Strategy is { } name ? Names.Strategy(name) : null;
        var engine = options.Engine is { } engineName ? Names.Engine(engineName) : null;
        var environment = ResearchEnvironment.Load(context, configFile);
        return strategy is not null
            ? await RunStrategyAsync(environment, strategy, engine, options, cancellationToken).ConfigureAwait(false)
            : await RunSleeveAsync(environment, options.Sleeve!, engine, options, cancellationToken).ConfigureAwait(false);
    }

    private static void Validate(BacktestOptions o)
    {
        if ((o.Strategy is null) == (o.Sleeve is null))
            throw new CliException(ExitCodes.Usage, "Pass exactly one of --strategy NAME or --sleeve NAME (see `actortrader strategies` and hocon/sleeves).");
        if (o.Sleeve is not null && o.WalkForward)
            throw new CliException(ExitCodes.Usage, "--walk-forward chooses a strategy's parameters window by window; it applies to --strategy, not --sleeve.");
        if (o.Sleeve is not null && o.Data.Symbols.Count > 0)
            throw new CliException(ExitCodes.Usage, "--symbols applies to --strategy; a sleeve trades the universe.symbols of its file.");
        if (o.WalkForward && o.Engine is not null)
            throw new CliException(ExitCodes.Usage, "--walk-forward and --engine cannot be combined: the walk-forward scores the strategy's own weights. Fix: drop one of them.");
    }

    private async Task<int> RunStrategyAsync(ResearchEnvironment environment, IStrategy strategy, IPortfolioOptimizer? engine, BacktestOptions options,
        CancellationToken cancellationToken)
    {
        var setting = environment.Strategies().Get(strategy.Name);
        var configured = environment.Backtest();
        var request = options.Data.Request(strategy.Requirements.Timeframe, environment.Data.Settings.CsvDefaultExchange);
        var run = RunId.New(clock.GetUtcNow());
        LoadedPanel loaded;
        BacktestSettings settings;
        LookAheadAuditReport audit;
        BacktestResult result;
        BacktestStatistics statistics;
        BacktestUniverse universe;
        string? walkForward = null;
        using (var progress = StageProgress.Create(context, $"backtest {strategy.Name}", 5, options.Json))
        {
            progress.Begin("loading data");
            loaded = await Load(environment, request, cancellationToken).ConfigureAwait(false);
            var panel = loaded.Panel;
            settings = MarketConventions.Adapt(configured, panel, options.Simulator, options.Rebalance);
            RequireAvailable(strategy, setting, settings.Account, panel);
            RequireHistory(panel, strategy);
            universe = BacktestUniverse.Resolve(environment, panel);
            var setup = settings.ToSimulatorSetup();
            progress.Begin("look-ahead audit");
            audit = LookAheadAudit.Run(strategy, setting.Parameters, panel, settings.LookAheadSamples, settings.Seed);
            try
            {
                if (options.WalkForward)
                {
                    progress.Begin("walk-forward");
                    var candidates = WalkForwardCandidates.For(strategy, setting.Parameters, settings.Seed);
                    var windows = WalkForwardRunner.Run(strategy, panel, candidates, settings.WalkForward, setup, universe: universe.Filter, runId: run.Value,
                        cancellationToken: cancellationToken);
                    result = windows.OutOfSample;
                    statistics = windows.OutOfSampleStatistics;
                    walkForward = RunDocuments.WalkForward(run, strategy, windows);
                }
                else if (engine is null)
                {
                    progress.Begin("replaying signals and simulating");
                    result = StrategyBacktest.Run(strategy, setting.Parameters, panel, setup, universe.Filter, cancellationToken: cancellationToken).Result;
                    statistics = BacktestStatistics.From(run.Value, result);
                }
                else
                {
                    progress.Begin("replaying signals");
                    var history = SignalReplay.Run(strategy, panel, setting.Parameters, 1, cancellationToken);
                    progress.Begin($"re-optimising with {engine.Name} and simulating");
                    // The engine allocates among the strategy's long picks of each bar that the universe allows at that bar,
                    // on trailing returns known at that bar.
                    var allowed = universe.Filter is { } filter ? panel.Times.Select(filter.AllowedAt).ToArray() : null;
                    var weights = EngineAllocation.Weights(engine, ReturnsMatrix.FromPanel(panel), settings.Rebalance, settings.TournamentLookback,
                        (t, s) => history.Targets[t][s] > 0 && (allowed is null || allowed[t].Contains(panel.Symbols[s])), periodsPerYear: settings.PeriodsPerYear);
                    result = setup.Run(panel, weights, cancellationToken: cancellationToken);
                    statistics = BacktestStatistics.From(run.Value, result);
                }
            }
            catch (LookAheadException e)
            {
                throw new CliException(ExitCodes.Problems, $"{strategy.Name} read data after its decision time, so the backtest is void: {e.Message}", e);
            }
            catch (Exception e) when (e is OptimizationException or ArgumentException)
            {
                throw new CliException(ExitCodes.Problems, $"The backtest of {strategy.Name} failed: {e.Message}", e);
            }
            progress.Begin("writing report");
            var directory = environment.Runs.Create(run);
            var documents = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [BacktestArtifacts.RunFile] = universe.AddTo(RunDocuments.StrategyRun(run, strategy, setting, engine?.Name, options.WalkForward, settings, loaded, request)),
                [BacktestArtifacts.LookAheadFile] = RunDocuments.LookAhead(audit, settings.Seed),
            };
            if (walkForward is not null) documents[BacktestArtifacts.WalkForwardFile] = walkForward;
            var title = $"Backtest {strategy.Name}" + (engine is null ? "" : $" — {engine.Name}") + (options.WalkForward ? " — walk-forward, out of sample" : "");
            var tearsheetNotes = Notes(settings, loaded, ParameterText.Describe(strategy.Parameters, setting.Parameters), engine?.Name);
            tearsheetNotes["universe"] = universe.Description;
            BacktestArtifacts.Write(directory, run, strategy.Name, title, result, statistics, tearsheetNotes, documents);
        }

        var notes = new List<string>();
        if (!setting.Enabled) notes.Add($"{strategy.Name} is disabled in the configuration ({StrategySettings.Section}.{strategy.Name}.enabled = false); backtested anyway.");
        var lines = new List<string>
        {
            $"Backtest {run.Value}: {strategy.Name}" + (engine is null ? "" : $" re-optimised by {engine.Name}") + (options.WalkForward ? " (walk-forward, out of sample)" : ""),
            $"  {Describe(loaded, result, settings)}",
            $"  universe: {universe.SummaryLine()}",
        };
        lines.AddRange(TextFormat.Statistics(statistics));
        lines.Add($"  look-ahead audit: {AuditLine(audit)}");
        return await Finish(options.Json, statistics, lines, notes, environment.Runs.DirectoryOf(run), audit).ConfigureAwait(false);
    }

    private async Task<int> RunSleeveAsync(ResearchEnvironment environment, string name, IPortfolioOptimizer? engine, BacktestOptions options,
        CancellationToken cancellationToken)
    {
        var definition = SleeveHost.Read(environment, name);
        if (engine is not null)
        {
            var o = definition.Optimisation;
            definition = definition with { Optimisation = o with { Engines = o.Engines.Contains(engine.Name) ? o.Engines : [.. o.Engines, engine.Name], Primary = engine.Name } };
        }
        if (options.Data.Source != PanelSourceKind.Auto) definition = definition with { Universe = definition.Universe with { Source = options.Data.Source } };
        if (options.Data.From is { } f && options.Data.To is { } l && f > l)
            throw new CliException(ExitCodes.Usage, $"--from {f:yyyy-MM-dd} is after --to {l:yyyy-MM-dd}. Fix: give a start on or before the end.");
        var from = options.Data.From is { } first ? OptionParsing.Utc(first) : (DateTimeOffset?)null;
        var to = options.Data.To is { } last ? OptionParsing.Utc(last).AddDays(1) : (DateTimeOffset?)null;
        var configured = environment.Backtest();
        var run = RunId.New(clock.GetUtcNow());
        var directory = environment.Runs.Create(run);
        var profile = "sleeve " + definition.Name;
        SleeveOutcome outcome;
        LoadedPanel loaded;
        BacktestSettings settings;
        BacktestResult result;
        BacktestStatistics statistics;
        using (var progress = StageProgress.Create(context, $"backtest sleeve {definition.Name}", 4, options.Json))
        {
            progress.Begin("running the sleeve pipeline");
            outcome = await SleeveHost.RunAsync(environment, definition, new RunSleeve(run, from, to), cancellationToken).ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                BacktestArtifacts.WriteIndex(directory, run, profile);
                throw new CliException(ExitCodes.Problems,
                    $"Sleeve {definition.Name} failed at stage {outcome.FailureStage}: {outcome.FailureReason}{Environment.NewLine}Nothing was backtested; the sleeve's audits and report are in {outcome.RunDirectory}.");
            }
            progress.Begin("loading data");
            var d = definition;
            var request = new PanelRequest(d.Universe.Symbols, d.Universe.Timeframe, d.Universe.Source, from ?? d.Window.From, to ?? d.Window.To, from is null ? d.Window.LookbackBars : null);
            loaded = await Load(environment, request, cancellationToken).ConfigureAwait(false);
            var panel = loaded.Panel;
            settings = MarketConventions.Adapt(configured, panel, options.Simulator, options.Rebalance, d.Account);
            progress.Begin("simulating the sleeve's weights");
            try
            {
                // What the sleeve actually held bar by bar (allocation × each strategy's signal), not its static allocation.
                var schedule = SleeveScheduleOnPanel.Of(outcome.TargetSchedule, panel);
                var full = settings.ToSimulatorSetup().Run(panel, schedule.Weights, cancellationToken: cancellationToken);
                result = full.Slice(schedule.Start, panel.TimeCount - schedule.Start);
                statistics = BacktestStatistics.From(run.Value, result);
            }
            catch (ArgumentException e)
            {
                throw new CliException(ExitCodes.Problems, $"The backtest of sleeve {definition.Name}'s weights failed: {e.Message}", e);
            }
            progress.Begin("writing report");
            var documents = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [BacktestArtifacts.RunFile] = RunDocuments.SleeveRun(run, definition, outcome, settings, loaded, request, directory),
            };
            BacktestArtifacts.Write(directory, run, profile, $"Backtest of sleeve {definition.Name} — {definition.Optimisation.Primary} weights",
                result, statistics, Notes(settings, loaded, null, definition.Optimisation.Primary), documents);
        }

        var lines = new List<string>
        {
            $"Backtest {run.Value}: sleeve {definition.Name}, {definition.Optimisation.Primary} weights × its strategies' signals, bar by bar (in sample)",
            $"  sleeve run: {outcome.RunDirectory}" + (outcome.Excluded.Count > 0 ? $" ({outcome.Excluded.Count} candidate(s) excluded, see the sleeve report)" : ""),
            $"  {Describe(loaded, result, settings)}",
        };
        lines.AddRange(TextFormat.Statistics(statistics));
        lines.Add("  weights: " + SleeveOutcomes.TopWeights(outcome.AssetWeights, 8));
        var notes = outcome.Degraded ? [$"the sleeve ran without {string.Join(", ", outcome.DegradedStrategies)} (degraded)."] : new List<string>();
        return await Finish(options.Json, statistics, lines, notes, directory, null).ConfigureAwait(false);
    }

    private async Task<int> Finish(bool json, BacktestStatistics statistics, List<string> lines, IReadOnlyList<string> notes, string directory, LookAheadAuditReport? audit)
    {
        if (json)
        {
            await context.Out.WriteLineAsync(BacktestStatisticsJson.Write(statistics)).ConfigureAwait(false);
            foreach (var note in notes) await context.Error.WriteLineAsync("note: " + note).ConfigureAwait(false);
        }
        else
        {
            lines.AddRange(notes.Select(n => "  note: " + n));
            lines.Add($"Run directory: {directory} (tearsheet.html, summary.md, INDEX.md)");
            foreach (var line in lines) await context.Out.WriteLineAsync(line).ConfigureAwait(false);
        }
        if (audit is null || audit.IsClean) return ExitCodes.Ok;
        var first = audit.Findings[0];
        await context.Error.WriteLineAsync(
            $"Look-ahead: {audit.Findings.Count} of {audit.CheckedBars.Count} audited decisions of {audit.Strategy} differ when the future is cut off " +
            $"(first at {TextFormat.Day(first.DecisionTime)}: {first.Detail}). The results above are not trustworthy; see {Path.Combine(directory, BacktestArtifacts.LookAheadFile)}.").ConfigureAwait(false);
        return ExitCodes.Problems;
    }

    private static async Task<LoadedPanel> Load(ResearchEnvironment environment, PanelRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await environment.Panels(TimeProvider.System).LoadAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (PanelLoadException e)
        {
            throw new CliException(ExitCodes.Problems, $"The bars cannot be loaded: {e.Message}", e);
        }
    }

    private static void RequireHistory(BarPanel panel, IStrategy strategy)
    {
        var first = Math.Max(1, strategy.Requirements.MinimumHistory);
        if (panel.TimeCount >= first + 4) return;
        throw new CliException(ExitCodes.Problems,
            $"The window holds {panel.TimeCount} {panel.Timeframe} bar(s); {strategy.Name} decides from bar {first} on and the statistics need 4 bars more. " +
            "Fix: widen the window (--from/--to), or drop them for the default window.");
    }

    private static void RequireAvailable(IStrategy strategy, StrategySetting setting, AccountKind account, BarPanel panel)
    {
        // A backtest is research: a strategy switched off in the configuration may still be tested, but not one the
        // simulated account or the data cannot carry.
        var availability = StrategyAvailability.Check(strategy, setting with { Enabled = true }, account, panel.Fundamentals.Count > 0);
        if (availability.IsEnabled) return;
        // The reason speaks of the broker's account; a backtest's account is its own setting.
        var onMargin = account == AccountKind.Cash && StrategyAvailability.Check(strategy, setting with { Enabled = true }, AccountKind.Margin, panel.Fundamentals.Count > 0).IsEnabled;
        throw new CliException(ExitCodes.Problems,
            availability.Reason + (onMargin ? " To backtest it, set actortrader.backtest.account = margin (e.g. ACTORTRADER__BACKTEST__ACCOUNT=margin)." : ""));
    }

    private static Dictionary<string, string> Notes(BacktestSettings settings, LoadedPanel loaded, string? parameters, string? engine)
    {
        var notes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["simulator"] = SimulatorSetup.NameOf(settings.Simulator),
            ["rebalance"] = settings.Rebalance.ToString(),
            ["costs"] = settings.Simulator == SimulatorKind.Vectorised
                ? $"{TextFormat.Number(settings.CostBps)} bps of turnover"
                : $"slippage {TextFormat.Number(settings.SlippageBps)} bps, commission {TextFormat.Number(settings.CommissionBps)} bps, next-bar open fills",
            ["account"] = settings.Account == AccountKind.Margin ? "margin" : "cash",
            ["data"] = $"{PanelSourceNames.Name(loaded.Source)} ({loaded.Location})",
            ["symbols"] = TextFormat.Integer(loaded.Panel.SymbolCount),
            ["seed"] = TextFormat.Integer(settings.Seed),
        };
        if (parameters is not null) notes["parameters"] = parameters;
        if (engine is not null) notes["engine"] = engine;
        return notes;
    }

    private static string Describe(LoadedPanel loaded, BacktestResult result, BacktestSettings settings) =>
        $"{loaded.Panel.SymbolCount} symbols, {PanelSourceNames.Name(loaded.Source)} data ({loaded.Location}), " +
        $"{TextFormat.Day(result.Times[0])}..{TextFormat.Day(result.Times[^1])} ({result.Times.Count} {loaded.Panel.Timeframe} bars), " +
        $"{SimulatorSetup.NameOf(settings.Simulator)}, {settings.Account.ToString().ToLowerInvariant()} account, rebalance {settings.Rebalance}";

    private static string AuditLine(LookAheadAuditReport audit) =>
        audit.IsClean
            ? $"clean ({audit.CheckedBars.Count} decision bars re-decided on a panel cut at the decision)"
            : $"{audit.Findings.Count} finding(s) in {audit.CheckedBars.Count} decision bars — see {BacktestArtifacts.LookAheadFile}";
}
