using System.Diagnostics;
using ActorTrader.Backtest.EventDriven;
using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Backtest.Vectorised;

namespace ActorTrader.Benchmarks.Backtest;

/// <summary>
/// The simulators on 500 symbols × 2520 daily bars (10 years) with a new random long-only book each month.
/// vectorised_asset_bars_per_s: asset-bars per second of <see cref="VectorisedSimulator"/> (drift, monthly rebalance,
/// 6 bps costs, per-bar returns, turnover and weights recorded), baseline a plain Σ w·r loop over the same returns.
/// event_driven_events_per_s: events per second of <see cref="EventDrivenSimulator"/> (priced symbol-bars + orders +
/// fills; decimal ledger, next-open fills, slippage, commission, cash-account checks), monthly rebalance of a 100,000 account;
/// the same with daily rebalance of a 100M account (an order and a fill for nearly every symbol every day); baseline the same share-and-cash arithmetic
/// in a plain double loop over the same arrays. Each sample is one whole run; measured and baseline alternate.
/// </summary>
internal sealed class BacktestBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "backtest";

    public string Description => "vectorised simulator asset-bars/s and event-driven simulator events/s on 500 symbols x 10 years of daily bars (vs plain loops over the same arrays)";

    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sizes = BacktestSuiteSizes.For(options);
        Console.Error.Write($"backtest: building {sizes.Symbols} symbols x {sizes.Bars} bars ... ");
        var workload = new BacktestWorkload(sizes.Symbols, sizes.Bars);
        Console.Error.WriteLine("done");
        return
        [
            await Vectorised(sizes, workload),
            await EventDriven(sizes, workload, RebalanceSchedule.Monthly, 100_000m, "event_driven_events_per_s"),
            // A 100M account holds thousands of shares per symbol, so nearly every symbol trades at every daily rebalance.
            await EventDriven(sizes, workload, RebalanceSchedule.Daily, 100_000_000m, "event_driven_daily_rebalance_events_per_s"),
        ];
    }

    private static async Task<BenchmarkFigure> Vectorised(BacktestSuiteSizes sizes, BacktestWorkload workload)
    {
        var options = new VectorisedOptions { CostBps = 6, Rebalance = RebalanceSchedule.Monthly };
        var assetBars = (double)workload.Symbols * workload.Bars;
        var fixedWeights = workload.Weights.Row(workload.Bars - 1).ToArray();
        Console.Error.Write("backtest: vectorised ... ");
        var started = Stopwatch.GetTimestamp();
        var (measured, baseline) = await Sampling.Alternating(sizes.Warmups, sizes.MinWarmup, sizes.Iterations,
            () => Task.FromResult(assetBars / Seconds(() => VectorisedSimulator.Run(workload.Returns, workload.Weights, options))),
            () => Task.FromResult(assetBars / Seconds(() => PlainLoops.PortfolioReturns(workload.Returns.Values, fixedWeights, workload.Symbols))));
        Console.Error.WriteLine($"done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return new BenchmarkFigure("vectorised_asset_bars_per_s", "asset-bars/s", measured, baseline, Better.Higher, Statistic.Best,
            Target: 50_000_000, TargetRatio: null,
            Workload: $"{workload.Describe}, monthly rebalance with drift, 6 bps cost, returns/turnover/weights of every bar recorded",
            BaselineKind: "plain loop Σ w·r per bar over the same returns (fixed weights, nothing recorded)");
    }

    private static async Task<BenchmarkFigure> EventDriven(BacktestSuiteSizes sizes, BacktestWorkload workload, RebalanceSchedule schedule, decimal cash, string name)
    {
        var options = new EventDrivenOptions { Rebalance = schedule, InitialCash = cash };
        var slippage = options.SlippageBps / 10_000;
        var commission = options.CommissionBps / 10_000;
        Console.Error.Write($"backtest: event-driven, {schedule} rebalance ... ");
        var started = Stopwatch.GetTimestamp();
        long events = 0, baselineEvents = 0, fills = 0;
        var (measured, baseline) = await Sampling.Alternating(sizes.Warmups, sizes.MinWarmup, sizes.Iterations,
            () =>
            {
                var seconds = Seconds(() =>
                {
                    var result = EventDrivenSimulator.Run(workload.Panel, workload.Weights, options);
                    events = result.Events;
                    fills = result.Fills.Count;
                    return result;
                });
                return Task.FromResult(events / seconds);
            },
            () =>
            {
                var seconds = Seconds(() => baselineEvents = PlainLoops.SharesAndCash(workload, schedule, (double)cash, slippage, commission));
                return Task.FromResult(baselineEvents / seconds);
            });
        Console.Error.WriteLine($"done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s ({events:N0} events, {fills:N0} fills per run)");
        return new BenchmarkFigure(name, "events/s", measured, baseline, Better.Higher, Statistic.Best,
            Target: 1_000_000, TargetRatio: null,
            Workload: $"{workload.Describe}, {schedule} rebalance, {events:N0} events per run ({fills:N0} fills), cash account of {cash:N0}, decimal ledger",
            BaselineKind: $"plain double loop: mark every symbol, size targets, fill at the next open with costs ({baselineEvents:N0} events)");
    }

    private static double Seconds(Func<object> run)
    {
        var started = Stopwatch.GetTimestamp();
        GC.KeepAlive(run());
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
