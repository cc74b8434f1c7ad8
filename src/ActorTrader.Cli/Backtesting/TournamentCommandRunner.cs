using System.Text;
using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Backtest.Tournament;
using ActorTrader.Data.Runs;
using ActorTrader.Domain.Bars;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Strategies;
using ActorTrader.Trading.Panels;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// <c>actortrader tournament</c>: every engine (all of the optimiser catalog unless <c>--engines</c>) on every profile —
/// one per <c>--strategies</c> name (its long picks are what the engines allocate among), or, without strategies, the
/// plain <c>universe</c> profile (every symbol with full lookback history) — on identical data: the default universe or
/// the data options, loaded once per timeframe. Each cell is simulated idealised (vectorised, no costs) and realised
/// (event-driven with the configured costs) and the Sharpe decay reported; a failing engine is a row with its error.
/// Writes <c>tournament_report.md</c>, <c>tournament_report.json</c> and <c>INDEX.md</c> into <c>data/runs/&lt;RUN_ID&gt;/</c>.
/// Exit 0 when the tournament ran (errors are rows), 1 when every cell failed.
/// </summary>
internal sealed class TournamentCommandRunner(CliContext context, TimeProvider clock)
{
    public const string ReportFile = "tournament_report.md";
    public const string JsonFile = "tournament_report.json";

    /// <summary>Name of the profile without a strategy.</summary>
    public const string UniverseProfile = "universe";

    /// <summary>Rebalance of the tournament when none is given: engines re-optimise monthly.</summary>
    public static RebalanceSchedule DefaultRebalance => RebalanceSchedule.Monthly;

    public async Task<int> RunAsync(string? configFile, IReadOnlyList<string> strategyNames, IReadOnlyList<string> engineNames, DataOptions data,
        RebalanceSchedule? rebalance, bool json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var strategies = strategyNames.Select(n => Names.Strategy(n)).DistinctBy(s => s.Name).ToList();
        var engines = (engineNames.Count > 0 ? engineNames.Select(n => Names.Engine(n)) : OptimizerCatalog.Default.Names.Select(OptimizerCatalog.Default.Get))
            .DistinctBy(e => e.Name).ToList();
        var environment = ResearchEnvironment.Load(context, configFile);
        var strategySettings = environment.Strategies();
        var configured = environment.Backtest();
        var run = RunId.New(clock.GetUtcNow());
        var schedule = rebalance ?? DefaultRebalance;

        var profiles = new List<(TournamentProfile Profile, LoadedPanel Loaded)>();
        var cells = new List<TournamentCell>();
        TournamentOptions? first = null;
        var exchange = environment.Data.Settings.CsvDefaultExchange;
        using (var progress = StageProgress.Create(context, "tournament", 1 + engines.Count * Math.Max(1, strategies.Count), json))
        {
            progress.Begin("loading data");
            var panels = new Dictionary<Timeframe, LoadedPanel>();
            async Task<LoadedPanel> PanelFor(Timeframe timeframe)
            {
                if (panels.TryGetValue(timeframe, out var cached)) return cached;
                try
                {
                    return panels[timeframe] = await environment.Panels(TimeProvider.System).LoadAsync(data.Request(timeframe, exchange), cancellationToken).ConfigureAwait(false);
                }
                catch (PanelLoadException e)
                {
                    throw new CliException(ExitCodes.Problems, $"The bars cannot be loaded: {e.Message}", e);
                }
            }
            if (strategies.Count == 0)
            {
                var loaded = await PanelFor(Timeframe.Day1).ConfigureAwait(false);
                profiles.Add((new TournamentProfile(UniverseProfile, loaded.Panel), loaded));
            }
            foreach (var strategy in strategies)
            {
                var loaded = await PanelFor(strategy.Requirements.Timeframe).ConfigureAwait(false);
                profiles.Add((new TournamentProfile(strategy.Name, loaded.Panel, strategy, strategySettings.Get(strategy.Name).Parameters), loaded));
            }

            // One cell at a time: each profile's simulators are adapted to its panel (periods per year, crypto lots).
            foreach (var engine in engines)
            {
                foreach (var (profile, _) in profiles)
                {
                    progress.Begin($"{engine.Name} on {profile.Name}");
                    var settings = MarketConventions.Adapt(configured, profile.Panel, rebalance: schedule);
                    var options = new TournamentOptions
                    {
                        Engines = [engine.Name],
                        Lookback = settings.TournamentLookback,
                        Rebalance = schedule,
                        Realised = settings.ToSimulatorSetup().EventDriven,
                        RunId = run.Value,
                        TargetVolatility = settings.TournamentTargetVolatility,
                        TargetReturn = settings.TournamentTargetReturn,
                    };
                    first ??= options;
                    cells.AddRange(TournamentRunner.Run([profile], options, cancellationToken).Cells);
                }
            }
        }

        var report = new TournamentReport(run.Value, [.. engines.Select(e => e.Name)], [.. profiles.Select(p => p.Profile.Name)],
            schedule, first!.Lookback, first.Realised with { Rebalance = schedule }, cells)
        {
            TargetVolatility = first.TargetVolatility,
            TargetReturn = first.TargetReturn,
        };
        var directory = environment.Runs.Create(run);
        var markdown = TournamentReportWriter.Markdown(report) + DataSection(profiles);
        var jsonText = TournamentReportWriter.Json(report);
        BacktestArtifacts.WriteText(Path.Combine(directory, JsonFile), jsonText);
        BacktestArtifacts.WriteText(Path.Combine(directory, ReportFile), markdown);
        BacktestArtifacts.WriteIndex(directory, run, "tournament");

        if (json)
        {
            await context.Out.WriteAsync(jsonText).ConfigureAwait(false);
        }
        else
        {
            await context.Out.WriteAsync(markdown).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"{Environment.NewLine}Run directory: {directory} ({ReportFile}, {JsonFile}, INDEX.md)").ConfigureAwait(false);
        }
        var failed = cells.Count(c => c.Failed);
        if (failed == 0) return ExitCodes.Ok;
        await context.Error.WriteLineAsync($"{failed} of {cells.Count} cells failed; their errors are rows of the report.").ConfigureAwait(false);
        return failed == cells.Count ? ExitCodes.Problems : ExitCodes.Ok;
    }

    private static string DataSection(IEnumerable<(TournamentProfile Profile, LoadedPanel Loaded)> profiles)
    {
        var b = new StringBuilder("\n## Data\n\n| profile | source | symbols | bars | first | last |\n|---|---|---:|---:|---|---|\n");
        foreach (var (profile, loaded) in profiles)
        {
            var panel = loaded.Panel;
            b.Append("| ").Append(profile.Name)
                .Append(" | ").Append(PanelSourceNames.Name(loaded.Source)).Append(loaded.Synthetic ? " (synthetic)" : "")
                .Append(" | ").Append(TextFormat.Integer(panel.SymbolCount))
                .Append(" | ").Append(TextFormat.Integer(panel.TimeCount))
                .Append(" | ").Append(TextFormat.Day(panel.Times[0]))
                .Append(" | ").Append(TextFormat.Day(panel.Times[^1])).Append(" |\n");
        }
        return b.ToString();
    }
}
