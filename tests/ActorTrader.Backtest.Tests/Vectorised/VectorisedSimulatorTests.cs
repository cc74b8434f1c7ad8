using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Backtest.Tests.Support;
using ActorTrader.Backtest.Vectorised;
using ActorTrader.Backtest.Weights;

namespace ActorTrader.Backtest.Tests.Vectorised;

public sealed class VectorisedSimulatorTests
{
    private static readonly VectorisedOptions NoCost = new() { InitialCash = 1_000m };

    private static (ReturnsMatrix Returns, WeightsSchedule Weights) Setup(double[][] closes, double[] constantWeights)
    {
        var panel = TestPanels.FromCloses(closes);
        var returns = ReturnsMatrix.FromPanel(panel);
        return (returns, WeightsSchedule.Constant(panel.Symbols, panel.Times, constantWeights));
    }

    [Fact]
    public void Fully_invested_single_asset_compounds_its_returns()
    {
        var (returns, weights) = Setup([[100, 110, 104.5, 114.95]], [1.0]);

        var result = VectorisedSimulator.Run(returns, weights, NoCost);

        Assert.Equal([0, 0.1, -0.05, 0.1], result.Returns.Select(r => Math.Round(r, 12)));
        Assert.Equal(1_149.50m, result.FinalEquity); // 1000 × 114.95 / 100
    }

    [Fact]
    public void Cash_share_earns_nothing()
    {
        var (returns, weights) = Setup([[100, 110]], [0.5]);

        var result = VectorisedSimulator.Run(returns, weights, NoCost);

        Assert.Equal(0.05, result.Returns[1], 12);
    }

    [Fact]
    public void Short_weight_gains_when_the_asset_falls()
    {
        var (returns, weights) = Setup([[100, 90]], [-1.0]);

        var result = VectorisedSimulator.Run(returns, weights, NoCost);

        Assert.Equal(0.1, result.Returns[1], 12);
    }

    [Fact]
    public void Holdings_drift_with_prices_between_rebalances()
    {
        var (returns, weights) = Setup([[100, 200, 200], [100, 100, 100]], [0.5, 0.5]);

        var result = VectorisedSimulator.Run(returns, weights, NoCost with { Rebalance = RebalanceSchedule.Once });

        Assert.Equal(2.0 / 3, result.HoldingsAt(1)[0], 12); // 0.5 × 2 / 1.5
        Assert.Equal(1.0 / 3, result.HoldingsAt(2)[1], 12);
        Assert.Equal(1, result.Trades / 2); // one rebalance, two assets
    }

    [Fact]
    public void Daily_rebalancing_trades_the_drift_back_and_pays_for_it()
    {
        var (returns, weights) = Setup([[100, 200, 200], [100, 100, 100]], [0.5, 0.5]);

        var result = VectorisedSimulator.Run(returns, weights, NoCost with { CostBps = 10 });

        // Bar 1 buys the book (turnover 1) and A doubles; the book drifts to 2/3 : 1/3 by the close, so bar 2 trades
        // |0.5 − 2/3| + |0.5 − 1/3| = 1/3 back at 10 bps before a bar without moves.
        Assert.Equal(1.5 * (1 - 0.001) - 1, result.Returns[1], 12);
        Assert.Equal(2.0 / 3, result.HoldingsAt(1)[0], 12);
        Assert.Equal(1.0 / 3, result.Turnover[2], 12);
        Assert.Equal(-0.001 / 3, result.Returns[2], 12);
        Assert.Equal(0.5, result.HoldingsAt(2)[0], 12);
    }

    [Fact]
    public void Cost_is_basis_points_of_two_sided_turnover()
    {
        var (returns, weights) = Setup([[100, 100]], [1.0]);

        var result = VectorisedSimulator.Run(returns, weights, NoCost with { CostBps = 25 });

        Assert.Equal(1.0, result.Turnover[1]); // cash → fully invested, decided at the close of bar 0, traded into bar 1
        Assert.Equal(-0.0025, result.Returns[1], 15);
        Assert.Equal(997.50m, result.FinalEquity);
    }

    [Fact]
    public void A_decision_at_the_close_of_bar_t_earns_the_return_of_bar_t_plus_1_only()
    {
        var panel = TestPanels.FromCloses([100, 100, 150, 300]);
        var rows = new double[][] { [0], [1], [0], [0] }; // long only for bar 2
        var weights = WeightsSchedule.FromRows(panel.Symbols, panel.Times, rows);

        var result = VectorisedSimulator.Run(ReturnsMatrix.FromPanel(panel), weights, NoCost);

        Assert.Equal([0, 0, 0.5, 0], result.Returns.Select(r => Math.Round(r, 12)));
    }

    [Fact]
    public void Missing_bar_books_the_move_when_the_next_close_arrives()
    {
        var (returns, weights) = Setup([[100, double.NaN, 120]], [1.0]);

        var result = VectorisedSimulator.Run(returns, weights, NoCost);

        Assert.False(returns.IsObserved(1, 0));
        Assert.Equal(0, result.Returns[1]);
        Assert.Equal(0.2, result.Returns[2], 12);
    }

    [Fact]
    public void Matches_a_plain_reference_computation_on_random_books()
    {
        // Reference: weights renormalised each bar as w_s(1 + r_s) / (1 + R) — a different formulation of the same drift;
        // the targets decided at rebalance bar t − 1 are traded, and paid for, at the start of bar t.
        var random = new Random(7);
        for (var trial = 0; trial < 20; trial++)
        {
            int n = random.Next(1, 6), bars = random.Next(5, 40);
            var closes = Enumerable.Range(0, n).Select(_ =>
            {
                var p = 100.0;
                return Enumerable.Range(0, bars).Select(_ => p *= 1 + (random.NextDouble() - 0.5) * 0.1).ToArray();
            }).ToArray();
            var panel = TestPanels.FromCloses(closes);
            var targets = Enumerable.Range(0, bars).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 / n - 0.5 / n).ToArray()).ToArray();
            var weights = WeightsSchedule.FromRows(panel.Symbols, panel.Times, targets);
            var every = random.Next(1, 4);
            var costBps = random.Next(0, 30);

            var result = VectorisedSimulator.Run(ReturnsMatrix.FromPanel(panel), weights, NoCost with { CostBps = costBps, Rebalance = RebalanceSchedule.Every(every) });

            var w = new double[n];
            for (var t = 0; t < bars; t++)
            {
                var cost = 0.0;
                if (t > 0 && (t - 1) % every == 0)
                {
                    for (var s = 0; s < n; s++) cost += Math.Abs(targets[t - 1][s] - w[s]) * costBps / 10_000;
                    w = (double[])targets[t - 1].Clone();
                }
                var gross = 0.0;
                for (var s = 0; s < n; s++) gross += w[s] * (t == 0 ? 0 : closes[s][t] / closes[s][t - 1] - 1);
                for (var s = 0; s < n; s++) w[s] = w[s] * (1 + (t == 0 ? 0 : closes[s][t] / closes[s][t - 1] - 1)) / (1 + gross);
                Assert.Equal((1 - cost) * (1 + gross) - 1, result.Returns[t], 10);
            }
        }
    }

    [Fact]
    public void Weights_of_another_panel_are_refused()
    {
        var (returns, _) = Setup([[100, 110]], [1.0]);
        var other = TestPanels.FromCloses([100, 110], [1, 2]);

        var e = Assert.Throws<ArgumentException>(() => VectorisedSimulator.Run(returns, WeightsSchedule.Constant(other.Symbols, other.Times, [0.5, 0.5]), NoCost));

        Assert.Contains("build both from the same panel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_weight_is_refused_with_its_symbol_and_time()
    {
        var panel = TestPanels.FromCloses([100, 110]);

        var e = Assert.Throws<ArgumentException>(() => WeightsSchedule.FromRows(panel.Symbols, panel.Times, [[0.5], [double.NaN]]));

        Assert.Contains("NYSE:A", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_at_the_last_close_is_neither_traded_nor_paid_for()
    {
        // Nothing follows the last bar to hold the targets over (the event-driven simulator decides nothing there either).
        var panel = TestPanels.FromCloses([100, 100, 100]);
        var weights = WeightsSchedule.FromRows(panel.Symbols, panel.Times, [[0], [0], [1]]);

        var result = VectorisedSimulator.Run(ReturnsMatrix.FromPanel(panel), weights, NoCost with { CostBps = 10 });

        Assert.Equal(0, result.Trades);
        Assert.All(result.Turnover, x => Assert.Equal(0, x));
        Assert.Equal(1_000m, result.FinalEquity);
    }

    [Fact]
    public void Trade_decided_at_a_close_is_booked_with_its_cost_in_the_next_bar()
    {
        var panel = TestPanels.FromCloses([100, 100, 100, 100]);
        var weights = WeightsSchedule.FromRows(panel.Symbols, panel.Times, [[0], [1], [1], [1]]);

        var result = VectorisedSimulator.Run(ReturnsMatrix.FromPanel(panel), weights, NoCost with { CostBps = 10 });

        // Decided at the close of bar 1, held over bar 2: the purchase and its 10 bps fall in bar 2, as a next-open fill would.
        Assert.Equal([0, 0, 1, 0], result.Turnover);
        Assert.Equal([0, 0, 1, 0], result.TradesByBar);
        Assert.Equal([0, 0, -0.001, 0], result.Returns.Select(r => Math.Round(r, 12)));
        Assert.Equal([0, 0, 1, 1], Enumerable.Range(0, 4).Select(t => Math.Round(result.HoldingsAt(t)[0], 12)));
    }
}
