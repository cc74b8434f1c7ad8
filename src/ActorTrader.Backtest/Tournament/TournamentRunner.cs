using ActorTrader.Backtest.Allocation;
using ActorTrader.Backtest.EventDriven;
using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Results;
using ActorTrader.Backtest.Vectorised;
using ActorTrader.Hocon;
using ActorTrader.Quant.Metrics;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Strategies.Replay;

namespace ActorTrader.Backtest.Tournament;

/// <summary>
/// Engines × profiles × simulators on identical data: for each profile and engine, one weights schedule
/// (<see cref="EngineAllocation"/>) is simulated twice — idealised (vectorised, no costs) and realised (event-driven,
/// next-open fills with slippage and commission) — and the Sharpe ratios are compared (<see cref="AlphaDecay"/>).
/// efficient-risk and efficient-return get the annualised targets of the options; a target the data cannot reach is
/// that engine's error. A failing engine becomes a cell with its error; the report lists every engine for every profile.
/// </summary>
public static class TournamentRunner
{
    private const string EfficientRiskName = "efficient-risk";
    private const string EfficientReturnName = "efficient-return";

    public static TournamentReport Run(IReadOnlyList<TournamentProfile> profiles, TournamentOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(options);
        if (profiles.Count == 0) throw new ArgumentException("A tournament needs at least one profile.", nameof(profiles));
        var duplicate = profiles.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Profile \"{duplicate.Key}\" is given twice; profile names must be unique.", nameof(profiles));
        if (!(options.TargetVolatility > 0) || !double.IsFinite(options.TargetVolatility))
            throw new ArgumentException($"TargetVolatility = {options.TargetVolatility} is not a positive annualised volatility; set it to e.g. 0.15 for 15% a year.", nameof(options));
        if (!double.IsFinite(options.TargetReturn))
            throw new ArgumentException($"TargetReturn = {options.TargetReturn} is not a finite annualised return; set it to e.g. 0.10 for 10% a year.", nameof(options));
        var engines = ResolveEngines(options);
        var realisedOptions = options.Realised with { Rebalance = options.Rebalance };
        var idealOptions = new VectorisedOptions
        {
            InitialCash = realisedOptions.InitialCash,
            CostBps = 0,
            Rebalance = options.Rebalance,
            PeriodsPerYear = realisedOptions.PeriodsPerYear,
        };

        var cells = new List<TournamentCell>(engines.Count * profiles.Count);
        foreach (var engine in engines)
        {
            foreach (var profile in profiles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                cells.Add(Play(engine, profile, options, idealOptions, realisedOptions, cancellationToken));
            }
        }
        return new TournamentReport(options.RunId, [.. engines.Select(e => e.Name)], [.. profiles.Select(p => p.Name)],
            options.Rebalance, options.Lookback, realisedOptions, cells)
        {
            TargetVolatility = options.TargetVolatility,
            TargetReturn = options.TargetReturn,
        };
    }

    private static TournamentCell Play(IPortfolioOptimizer engine, TournamentProfile profile, TournamentOptions options,
        VectorisedOptions idealOptions, EventDrivenOptions realisedOptions, CancellationToken cancellationToken)
    {
        try
        {
            var returns = ReturnsMatrix.FromPanel(profile.Panel);
            Func<int, int, bool>? candidates = null;
            if (profile.Strategy is { } strategy)
            {
                var history = SignalReplay.Run(strategy, profile.Panel, profile.Parameters ?? strategy.Parameters.Defaults(), 1, cancellationToken);
                candidates = (t, s) => history.Targets[t][s] > 0;
            }
            // μ and Σ are annualised with the same periods per year, so the annualised targets need no conversion.
            var weights = EngineAllocation.Weights(engine, returns, options.Rebalance, options.Lookback, candidates, ConstraintsFor(engine, options), idealOptions.PeriodsPerYear);
            var ideal = VectorisedSimulator.Run(returns, weights, idealOptions);
            var real = EventDrivenSimulator.Run(profile.Panel, weights, realisedOptions, cancellationToken);
            var decay = AlphaDecay.Measure(ideal.ReturnSpan, real.ReturnSpan, 0, idealOptions.PeriodsPerYear);
            return new TournamentCell(engine.Name, profile.Name,
                BacktestStatistics.From(options.RunId, ideal), BacktestStatistics.From(options.RunId, real), decay, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failing engine is a result of the tournament: its row carries the error instead of figures.
            return new TournamentCell(engine.Name, profile.Name, null, null, null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    // Constraints.Target is one number read as a volatility by efficient-risk and as a return by efficient-return.
    private static PortfolioConstraints ConstraintsFor(IPortfolioOptimizer engine, TournamentOptions options) => engine.Name switch
    {
        EfficientRiskName => options.Constraints with { Target = options.TargetVolatility },
        EfficientReturnName => options.Constraints with { Target = options.TargetReturn },
        _ => options.Constraints,
    };

    private static List<IPortfolioOptimizer> ResolveEngines(TournamentOptions options)
    {
        var names = options.Engines ?? options.Catalog.Names;
        if (names.Count == 0) throw new ArgumentException("The tournament has no engines; name at least one or leave the list empty for all.", nameof(options));
        var engines = new List<IPortfolioOptimizer>(names.Count);
        foreach (var name in names)
        {
            if (options.Catalog.TryGet(name, out var engine))
            {
                engines.Add(engine);
                continue;
            }
            var hint = ClosestKey.Find(name ?? "", options.Catalog.Names);
            throw new ArgumentException(
                $"Unknown engine \"{name}\"{(hint is null ? "" : $"; did you mean \"{hint}\"?")} Known engines: {string.Join(", ", options.Catalog.Names)}.", nameof(options));
        }
        return engines;
    }
}
