using ActorTrader.Backtest.Allocation;
using ActorTrader.Backtest.EventDriven;
using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Backtest.Simulation;
using ActorTrader.Backtest.StrategyRuns;
using ActorTrader.Backtest.Tests.Support;
using ActorTrader.Backtest.Vectorised;
using ActorTrader.Backtest.Weights;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Orders;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Backtest.Tests.Regression;

/// <summary>
/// The regression backtests. Each runs on fixed data with fixed settings; the expected figures are pins taken from a
/// run of this code, except where a comment says they were computed independently. A change in any figure means the
/// simulators changed behaviour: either a bug, or a deliberate change whose new pins must be explained in review.
/// </summary>
internal static class RegressionCases
{
    private static readonly DateOnly TwentyFrom = new(2005, 1, 1);
    private static readonly DateOnly TwentyTo = new(2023, 1, 1);

    public static readonly RegressionCase[] All =
    [
        // Buy SPY once with everything at the first close, fill at the next open (+5 bps slippage, 1 bp commission), hold to the
        // end. Cross-checked outside this code with a short Python script (Decimal arithmetic straight from the csv):
        // 1999-11-01 close 135.5625 sizes 737 shares; the 1999-11-02 open 135.9687 × 1.0005 = 136.03668435 makes 737
        // unaffordable, so floor(100000 / (136.03668435 × 1.0001)) = 735 fill; commission 9.998696299725; cash left
        // 3.038306450275; final 735 × 350.58 (2020-08-28 close) + cash = 257679.338306450275. The same script's daily
        // returns give Sharpe 0.32835245421953 and max drawdown 0.56472178924559, agreeing with the pins below.
        new("SpyBuyAndHold", async () =>
        {
            var panel = await RegressionData.Samples(["SPY"], new(1999, 11, 1), new(2020, 9, 1));
            return EventDrivenSimulator.Run(panel, WeightsSchedule.Constant(panel.Symbols, panel.Times, [1.0]),
                new EventDrivenOptions { Rebalance = RebalanceSchedule.Once });
        }, new(1, 257679.338306450275m, 1.576793383, 0.0465637904, 0.3283524542, 0.4615647163, 0.5647217892, 0.04807615851)),

        // Long SPY while its 50-day average is above its 200-day average, flat otherwise; decided daily, event-driven.
        new("SpySmaCrossover", async () =>
        {
            var panel = await RegressionData.Samples(["SPY"], new(1999, 11, 1), new(2020, 9, 1));
            var parameters = new ParameterSet([new("fast", 50), new("slow", 200)]);
            return StrategyBacktest.Run(new SmaCrossover(), parameters, panel, new SimulatorSetup()).Result;
        }, new(24, 277932.976839019195m, 1.779329768, 0.05037824065, 0.4613047699, 0.6299458607, 0.3408893457, 1.00987821)),

        // Twenty stocks at 5% each, back to equal weight on the first trading day of each month, event-driven. The wide sample
        // table holds closes only (open = close, volume 0), so an order decided at one close fills at the next day's close.
        new("TwentyStockEqualWeightMonthly", async () =>
        {
            var panel = await RegressionData.Samples(RegressionData.TwentyStocks, TwentyFrom, TwentyTo);
            var weights = WeightsSchedule.Constant(panel.Symbols, panel.Times, [.. Enumerable.Repeat(0.05, 20)]);
            return EventDrivenSimulator.Run(panel, weights, new EventDrivenOptions { Rebalance = RebalanceSchedule.Monthly });
        }, new(4181, 969471.72083296410m, 8.694717208, 0.1347291675, 0.7477707606, 1.074128389, 0.4835586264, 0.654317699)),

        // The same, through the vectorised simulator at 6 bps per unit of turnover. Each monthly trade (and its cost) is
        // booked in the bar after the deciding close, as the event-driven fills are. Sharpe and Sortino were re-pinned when
        // the cost moved there from the deciding bar (trades, final equity, CAGR, turnover and drawdown did not move); the
        // new figures agree to 1e-14 with a separate plain loop over the same closes (drift by w(1 + r)/(1 + R), cost
        // Σ|0.05 − w| × 6 bps at the first bar after each month's first bar, sample-sd Sharpe, downside-over-n Sortino).
        new("TwentyStockEqualWeightMonthlyVectorised", async () =>
        {
            var panel = await RegressionData.Samples(RegressionData.TwentyStocks, TwentyFrom, TwentyTo);
            var weights = WeightsSchedule.Constant(panel.Symbols, panel.Times, [.. Enumerable.Repeat(0.05, 20)]);
            return VectorisedSimulator.Run(ReturnsMatrix.FromPanel(panel), weights, new VectorisedOptions { CostBps = 6, Rebalance = RebalanceSchedule.Monthly });
        }, new(4320, 943557.30m, 8.435573, 0.1330197839, 0.7384429439, 1.060175369, 0.488352435, 0.654252895)),

        // Minimum volatility (long-only QP) on the trailing 252 daily returns, re-optimised monthly, event-driven.
        new("TwentyStockMinVolMonthly", async () =>
        {
            var panel = await RegressionData.Samples(RegressionData.TwentyStocks, TwentyFrom, TwentyTo);
            var weights = EngineAllocation.Weights(OptimizerCatalog.Default.Get("min-vol"), ReturnsMatrix.FromPanel(panel), RebalanceSchedule.Monthly, 252);
            return EventDrivenSimulator.Run(panel, weights, new EventDrivenOptions { Rebalance = RebalanceSchedule.Monthly });
        }, new(2150, 514585.32590519850m, 4.145853259, 0.09543471849, 0.7012680952, 1.008500109, 0.3592156413, 2.447532562)),

        // Seeded synthetic market (seed 42, ten symbols): hold the three best 20-day performers, re-ranked weekly, cash account.
        new("SyntheticTopMomentumWeekly", async () =>
        {
            var panel = await RegressionData.Synthetic(42, 10, new(2015, 1, 1), new(2020, 1, 1));
            var setup = new SimulatorSetup { EventDriven = new EventDrivenOptions { Rebalance = RebalanceSchedule.Weekly } };
            return StrategyBacktest.Run(new TopMomentum(), new TopMomentum().Parameters.Defaults(), panel, setup).Result;
        }, new(967, 158921.6535557930m, 0.5892165356, 0.09723735412, 0.5319514943, 0.7739251134, 0.318050441, 33.34942773)),

        // Seeded synthetic market (seed 7, six symbols): long the 5-day loser, short the 5-day winner on a margin account,
        // partial fills capped at 0.05% of the bar's volume with the remainder carried (gtc).
        new("SyntheticLongShortPartialFills", async () =>
        {
            var panel = await RegressionData.Synthetic(7, 6, new(2018, 1, 1), new(2020, 1, 1));
            var setup = new SimulatorSetup
            {
                EventDriven = new EventDrivenOptions
                {
                    Account = AccountKind.Margin,
                    PartialFills = true,
                    Participation = 0.0005,
                    TimeInForce = TimeInForce.Gtc,
                    Rebalance = RebalanceSchedule.Weekly,
                },
            };
            return StrategyBacktest.Run(new LongShortReversal(), new LongShortReversal().Parameters.Defaults(), panel, setup).Result;
        }, new(361, 103855.0098313575m, 0.03855009831, 0.01913110061, 0.2171615454, 0.3354108678, 0.1067980193, 35.64319266)),
    ];
}
