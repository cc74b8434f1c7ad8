using ActorTrader.Backtest.EventDriven;
using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Backtest.Tests.Support;
using ActorTrader.Backtest.Vectorised;
using ActorTrader.Backtest.Weights;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Orders;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Backtest.Tests.EventDriven;

// Expected prices and cash are worked by hand: buys pay open × 1.0005, sells get open × 0.9995, commission 1 bp of notional.
public sealed class EventDrivenSimulatorTests
{
    private static readonly EventDrivenOptions TenThousand = new() { InitialCash = 10_000m };

    private static BarPanel Panel(double[] open, double[] close, double[]? volume = null) =>
        TestPanels.Build([open], [close], volume is null ? null : [volume]);

    private static WeightsSchedule Rows(BarPanel panel, params double[] weightPerBar) =>
        WeightsSchedule.FromRows(panel.Symbols, panel.Times, [.. weightPerBar.Select(w => new[] { w })]);

    [Fact]
    public void Decision_at_a_close_fills_at_the_next_bars_open_with_slippage_and_commission()
    {
        var panel = Panel(open: [95, 99, 100], close: [100, 100, 100]);

        var result = EventDrivenSimulator.Run(panel, Rows(panel, 1, 1, 1), TenThousand);

        var fill = Assert.Single(result.Fills);
        Assert.Equal(panel.Times[1], fill.Time);
        Assert.Equal(100m, fill.Quantity);        // 1 × 10000 / close 100
        Assert.Equal(99.0495m, fill.Price);       // open 99 × 1.0005, not the deciding close (100) nor its open (95)
        Assert.Equal(0.990495m, fill.Commission); // 9904.95 × 0.0001
        Assert.Equal(10_000m - 9_904.95m - 0.990495m + 100 * 100m, result.Equity[1]);
    }

    [Fact]
    public void Sell_gets_the_open_less_slippage()
    {
        var panel = Panel(open: [100, 99, 105, 110], close: [100, 100, 105, 110]);

        var result = EventDrivenSimulator.Run(panel, Rows(panel, 1, 1, 0, 0), TenThousand);

        var sell = result.Fills[^1];
        Assert.Equal(OrderSide.Sell, sell.Side);
        Assert.Equal(panel.Times[3], sell.Time);
        Assert.Equal(109.945m, sell.Price); // 110 × 0.9995
        Assert.Equal(100m, sell.Quantity);
    }

    [Fact]
    public void Quantities_are_whole_lots_rounded_down()
    {
        var panel = Panel(open: [30, 30], close: [30, 30]);

        var result = EventDrivenSimulator.Run(panel, Rows(panel, 1, 1), TenThousand with { LotSize = 10m });

        Assert.Equal(330m, Assert.Single(result.Fills).Quantity); // 10000 / 30 = 333.3 → 330
    }

    [Fact]
    public void Cash_account_refuses_a_short_target_and_says_why()
    {
        var panel = Panel(open: [100, 100], close: [100, 100]);

        var result = EventDrivenSimulator.Run(panel, Rows(panel, -0.5, -0.5), TenThousand);

        Assert.Empty(result.Fills);
        var order = Assert.Single(result.Orders);
        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Contains("cash account cannot short", order.Reason, StringComparison.Ordinal);
        Assert.Equal(10_000m, result.FinalEquity);
    }

    [Fact]
    public void Margin_account_shorts_the_target()
    {
        var panel = Panel(open: [100, 100, 90], close: [100, 100, 90]);

        var result = EventDrivenSimulator.Run(panel, Rows(panel, -0.5, -0.5, -0.5), TenThousand with { Account = AccountKind.Margin, SlippageBps = 0, CommissionBps = 0 });

        var fill = Assert.Single(result.Fills);
        Assert.Equal(OrderSide.Sell, fill.Side);
        Assert.Equal(50m, fill.Quantity);
        Assert.Equal(10_500m, result.FinalEquity); // short 50 from 100 to 90
    }

    [Fact]
    public void Cash_account_scales_a_buy_down_to_what_the_cash_pays_for()
    {
        var panel = Panel(open: [100, 101, 101], close: [100, 101, 101]);

        var result = EventDrivenSimulator.Run(panel, Rows(panel, 1, 0, 0), TenThousand with { Rebalance = RebalanceSchedule.Once });

        // 100 shares at 101 × 1.0005 = 101.0505 cost 10105.05: too much. 10000 / (101.0505 × 1.0001) = 98.95 → 98.
        var order = Assert.Single(result.Orders);
        Assert.Equal(98m, order.FilledQuantity);
        Assert.Equal(OrderStatus.Canceled, order.Status);
        Assert.Contains("Scaled down from 100 to 98", order.Reason, StringComparison.Ordinal);
        Assert.True(result.Equity.All(e => e > 0));
    }

    [Fact]
    public void Buy_the_cash_cannot_pay_for_at_all_is_rejected()
    {
        var panel = Panel(open: [100, 200, 200], close: [100, 200, 200]);

        var result = EventDrivenSimulator.Run(panel, Rows(panel, 1, 0, 0), new EventDrivenOptions { InitialCash = 150m, Rebalance = RebalanceSchedule.Once });

        var order = Assert.Single(result.Orders);
        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Contains("Scaled down from 1 to 0", order.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Fills);
    }

    [Fact]
    public void Sells_fill_before_buys_so_their_cash_pays_for_them()
    {
        // Rotate the whole book from A to B at one open: the buy only fits once the sale's cash is in.
        var panel = TestPanels.Build([[100, 100, 100, 100], [50, 50, 50, 50]], [[100, 100, 100, 100], [50, 50, 50, 50]]);
        var weights = WeightsSchedule.FromRows(panel.Symbols, panel.Times, [[0.99, 0], [0.99, 0], [0, 0.99], [0, 0.99]]);

        var result = EventDrivenSimulator.Run(panel, weights, TenThousand);

        var rotation = result.Fills.Where(f => f.Time == panel.Times[3]).ToArray();
        Assert.Equal([OrderSide.Sell, OrderSide.Buy], rotation.Select(f => f.Side));
        Assert.All(result.Orders, o => Assert.NotEqual(OrderStatus.Rejected, o.Status));
    }

    [Fact]
    public void Partial_fills_take_at_most_the_participation_of_the_bars_volume()
    {
        var panel = Panel(open: [100, 100, 100], close: [100, 100, 100], volume: [1e6, 300, 1e6]);

        var result = EventDrivenSimulator.Run(panel, Rows(panel, 1, 0, 0), TenThousand with { PartialFills = true, SlippageBps = 0, CommissionBps = 0, Rebalance = RebalanceSchedule.Once });

        Assert.Equal(30m, Assert.Single(result.Fills).Quantity); // 0.1 × 300
        var order = Assert.Single(result.Orders);
        Assert.Equal(OrderStatus.Canceled, order.Status);
        Assert.Contains("Remainder 70 cancelled (day)", order.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Good_till_cancelled_remainder_is_carried_to_the_next_opens()
    {
        var panel = Panel(open: [100, 100, 100, 100], close: [100, 100, 100, 100], volume: [1e6, 300, 500, 1e6]);

        var result = EventDrivenSimulator.Run(panel, Rows(panel, 1, 0, 0, 0),
            TenThousand with { PartialFills = true, SlippageBps = 0, CommissionBps = 0, TimeInForce = TimeInForce.Gtc, Rebalance = RebalanceSchedule.Once });

        Assert.Equal([30m, 50m, 20m], result.Fills.Select(f => f.Quantity));
        Assert.Equal([panel.Times[1], panel.Times[2], panel.Times[3]], result.Fills.Select(f => f.Time));
        var order = Assert.Single(result.Orders);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(1, result.Trades);
    }

    [Fact]
    public void Fill_or_kill_fills_nothing_when_the_volume_is_short()
    {
        var panel = Panel(open: [100, 100, 100], close: [100, 100, 100], volume: [1e6, 300, 1e6]);

        var result = EventDrivenSimulator.Run(panel, Rows(panel, 1, 0, 0),
            TenThousand with { PartialFills = true, TimeInForce = TimeInForce.Fok, Rebalance = RebalanceSchedule.Once });

        Assert.Empty(result.Fills);
        Assert.Contains("Fill or kill", Assert.Single(result.Orders).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Day_order_without_a_bar_to_fill_on_is_cancelled()
    {
        var panel = Panel(open: [100, double.NaN, 100], close: [100, double.NaN, 100]);

        var result = EventDrivenSimulator.Run(panel, Rows(panel, 1, 0, 0), TenThousand with { Rebalance = RebalanceSchedule.Once });

        Assert.Empty(result.Fills);
        Assert.Contains("No bar for NYSE:A", Assert.Single(result.Orders).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Equity_is_cash_plus_holdings_at_each_close()
    {
        var panel = Panel(open: [100, 100, 100], close: [100, 120, 90]);

        var result = EventDrivenSimulator.Run(panel, Rows(panel, 0.5, 0.5, 0.5), TenThousand with { SlippageBps = 0, CommissionBps = 0, Rebalance = RebalanceSchedule.Once });

        Assert.Equal([10_000m, 11_000m, 9_500m], result.Equity); // 50 shares bought at 100, 5000 cash
        Assert.Equal(0.5 * 120 / 110, result.HoldingsAt(1)[0], 12);
    }

    [Fact]
    public void The_last_bar_decides_nothing()
    {
        var panel = Panel(open: [100, 100, 100], close: [100, 100, 100]);

        var result = EventDrivenSimulator.Run(panel, Rows(panel, 0, 0, 1), TenThousand);

        Assert.Empty(result.Orders);
    }

    [Fact]
    public void Client_order_ids_are_deterministic()
    {
        var panel = Panel(open: [100, 100], close: [100, 100]);

        var result = EventDrivenSimulator.Run(panel, Rows(panel, 1, 1), TenThousand with { OrderIdPrefix = "run7" });

        Assert.Equal("run7-0-A", Assert.Single(result.Orders).Request.ClientOrderId);
    }

    [Fact]
    public void Without_costs_and_with_fine_lots_it_agrees_with_the_vectorised_simulator()
    {
        // Opens equal the previous close, so trading at the next open is trading at the deciding close.
        var random = new Random(11);
        const int bars = 60, n = 3;
        var close = new double[n][];
        var open = new double[n][];
        for (var s = 0; s < n; s++)
        {
            close[s] = new double[bars];
            open[s] = new double[bars];
            var p = 50.0 + 10 * s;
            for (var t = 0; t < bars; t++)
            {
                open[s][t] = p;
                p *= 1 + (random.NextDouble() - 0.5) * 0.06;
                close[s][t] = p;
            }
        }
        var panel = TestPanels.Build(open, close);
        var weights = WeightsSchedule.FromRows(panel.Symbols, panel.Times,
            [.. Enumerable.Range(0, bars).Select(_ => new[] { random.NextDouble() * 0.3, random.NextDouble() * 0.3, random.NextDouble() * 0.3 })]);
        var schedule = RebalanceSchedule.Every(5);

        var events = EventDrivenSimulator.Run(panel, weights, new EventDrivenOptions { SlippageBps = 0, CommissionBps = 0, LotSize = 0.000001m, Rebalance = schedule });
        var vector = VectorisedSimulator.Run(ReturnsMatrix.FromPanel(panel), weights, new VectorisedOptions { Rebalance = schedule });

        for (var t = 0; t < bars; t++) Assert.Equal(vector.Returns[t], events.Returns[t], 6);
    }

    [Fact]
    public void Both_simulators_book_each_trade_and_hold_each_book_on_the_same_bars()
    {
        var panel = RandomPanels.Create(seed: 5, symbols: 3, bars: 40, gapless: true);
        var random = new Random(5);
        var weights = WeightsSchedule.FromRows(panel.Symbols, panel.Times,
            [.. Enumerable.Range(0, 40).Select(_ => new[] { random.NextDouble() * 0.3, random.NextDouble() * 0.3, random.NextDouble() * 0.3 })]);
        var schedule = RebalanceSchedule.Every(4);

        var events = EventDrivenSimulator.Run(panel, weights, new EventDrivenOptions { LotSize = 0.000001m, Rebalance = schedule });
        var vector = VectorisedSimulator.Run(ReturnsMatrix.FromPanel(panel), weights, new VectorisedOptions { CostBps = 6, Rebalance = schedule });

        for (var t = 0; t < 40; t++)
        {
            Assert.Equal(events.Turnover[t] > 0, vector.Turnover[t] > 0);
            for (var s = 0; s < 3; s++) Assert.Equal(events.HoldingsAt(t)[s], vector.HoldingsAt(t)[s], 5e-4); // costs differ a little
        }
    }
}
