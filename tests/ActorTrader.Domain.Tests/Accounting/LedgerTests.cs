using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Domain.Tests.Accounting;

// Expected values are worked by hand in each test's comments (average-cost method, commissions as fees).
public sealed class LedgerTests
{
    private static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");
    private static readonly Symbol Spy = Symbol.Parse("ARCA:SPY");

    private static Fill Buy(decimal quantity, decimal price, decimal commission = 0m, Symbol? symbol = null) =>
        new("o", symbol ?? Aapl, OrderSide.Buy, quantity, price, commission, DateTimeOffset.UnixEpoch);

    private static Fill Sell(decimal quantity, decimal price, decimal commission = 0m, Symbol? symbol = null) =>
        new("o", symbol ?? Aapl, OrderSide.Sell, quantity, price, commission, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Buy_takes_notional_and_commission_from_cash()
    {
        var ledger = new Ledger(100_000m);

        ledger.Apply(Buy(10m, 100m, commission: 1m));

        Assert.Equal(98_999m, ledger.Cash); // 100000 − 10 × 100 − 1
        Assert.Equal(new Position(Aapl, 10m, 100m), ledger.PositionOf(Aapl));
        Assert.Equal(1m, ledger.Fees);
        Assert.Equal(0m, ledger.RealisedPnl);
    }

    [Fact]
    public void Adding_to_a_position_re_averages_its_cost()
    {
        var ledger = new Ledger(100_000m);
        ledger.Apply(Buy(10m, 100m));

        ledger.Apply(Buy(30m, 120m));

        Assert.Equal(115m, ledger.PositionOf(Aapl).AverageCost); // (10 × 100 + 30 × 120) / 40
        Assert.Equal(40m, ledger.QuantityOf(Aapl));
    }

    [Fact]
    public void Partial_sell_realises_against_the_average_and_keeps_it()
    {
        var ledger = new Ledger(100_000m);
        ledger.Apply(Buy(10m, 100m));
        ledger.Apply(Buy(10m, 110m)); // average 105

        ledger.Apply(Sell(5m, 120m));

        Assert.Equal(75m, ledger.RealisedPnl); // 5 × (120 − 105)
        Assert.Equal(new Position(Aapl, 15m, 105m), ledger.PositionOf(Aapl));
        Assert.Equal(100_000m - 1_000m - 1_100m + 600m, ledger.Cash);
    }

    [Fact]
    public void Selling_everything_closes_the_position()
    {
        var ledger = new Ledger(10_000m);
        ledger.Apply(Buy(10m, 100m));

        ledger.Apply(Sell(10m, 90m));

        Assert.Empty(ledger.Positions);
        Assert.Equal(-100m, ledger.RealisedPnl);
        Assert.Equal(9_900m, ledger.Cash);
    }

    [Fact]
    public void Flip_from_long_to_short_realises_the_long_and_opens_the_rest_at_the_fill_price()
    {
        var ledger = new Ledger(10_000m, AccountKind.Margin);
        ledger.Apply(Buy(15m, 105m));

        ledger.Apply(Sell(25m, 100m));

        Assert.Equal(-75m, ledger.RealisedPnl); // 15 × (100 − 105)
        Assert.Equal(new Position(Aapl, -10m, 100m), ledger.PositionOf(Aapl));
        Assert.Equal(10_000m - 1_575m + 2_500m, ledger.Cash);
    }

    [Fact]
    public void Covering_a_short_realises_the_fall_as_profit()
    {
        var ledger = new Ledger(10_000m, AccountKind.Margin);
        ledger.Apply(Sell(10m, 100m));

        ledger.Apply(Buy(4m, 90m));

        Assert.Equal(40m, ledger.RealisedPnl); // 4 × (100 − 90) on a short
        Assert.Equal(new Position(Aapl, -6m, 100m), ledger.PositionOf(Aapl));
    }

    [Fact]
    public void Covering_a_short_above_its_price_realises_a_loss_and_ends_flat()
    {
        var ledger = new Ledger(10_000m, AccountKind.Margin);
        ledger.Apply(Sell(6m, 100m));

        ledger.Apply(Buy(6m, 110m));

        Assert.Equal(-60m, ledger.RealisedPnl);
        Assert.Equal(0m, ledger.QuantityOf(Aapl));
        Assert.Equal(0m, ledger.PositionOf(Aapl).AverageCost);
        Assert.Equal(9_940m, ledger.Cash);
    }

    [Fact]
    public void Fees_accumulate_and_stay_out_of_realised_pnl()
    {
        var ledger = new Ledger(10_000m);
        ledger.Apply(Buy(10m, 100m, commission: 1.25m));

        ledger.Apply(Sell(10m, 101m, commission: 0.75m));

        Assert.Equal(2m, ledger.Fees);
        Assert.Equal(10m, ledger.RealisedPnl);
        Assert.Equal(10_008m, ledger.Cash); // 10000 + 10 − 2
        Assert.Equal(2, ledger.FillCount);
    }

    [Fact]
    public void Cash_account_refuses_a_short_and_changes_nothing()
    {
        var ledger = new Ledger(10_000m);
        ledger.Apply(Buy(5m, 100m));
        var before = ledger.Snapshot();

        var e = Assert.Throws<LedgerException>(() => ledger.Apply(Sell(6m, 100m)));

        Assert.Contains("cannot go short", e.Message, StringComparison.Ordinal);
        Assert.Contains(Aapl.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Equal(before, ledger.Snapshot());
    }

    [Fact]
    public void Cash_account_refuses_to_spend_cash_it_does_not_have()
    {
        var ledger = new Ledger(1_000m);

        var e = Assert.Throws<LedgerException>(() => ledger.Apply(Buy(10m, 100m, commission: 0.01m, symbol: Spy)));

        Assert.Contains("needs 1000.01", e.Message, StringComparison.Ordinal);
        Assert.Empty(ledger.Positions);
        Assert.Equal(1_000m, ledger.Cash);
    }

    [Fact]
    public void Margin_account_may_borrow_cash()
    {
        var ledger = new Ledger(1_000m, AccountKind.Margin);

        ledger.Apply(Buy(20m, 100m));

        Assert.Equal(-1_000m, ledger.Cash);
    }

    [Fact]
    public void Mark_to_market_splits_long_and_short_exposure()
    {
        var ledger = new Ledger(10_000m, AccountKind.Margin);
        ledger.Apply(Buy(10m, 100m));
        ledger.Apply(Sell(5m, 200m, symbol: Spy));

        var v = ledger.MarkToMarket(new Dictionary<Symbol, decimal> { [Aapl] = 110m, [Spy] = 190m });

        Assert.Equal(1_100m, v.LongValue);
        Assert.Equal(-950m, v.ShortValue);
        Assert.Equal(2_050m, v.GrossExposure);
        Assert.Equal(150m, v.NetExposure);
        Assert.Equal(10_150m, v.Nav); // cash 10000 − 1000 + 1000, plus net 150
        Assert.Equal(150m, v.UnrealisedPnl); // 10 × 10 + (−5) × (−10)
    }

    [Fact]
    public void Mark_to_market_without_a_price_for_a_holding_names_it()
    {
        var ledger = new Ledger(10_000m);
        ledger.Apply(Buy(1m, 100m));

        var e = Assert.Throws<LedgerException>(() => ledger.MarkToMarket(new Dictionary<Symbol, decimal> { [Spy] = 1m }));

        Assert.Contains("No price for NASDAQ:AAPL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_rebuilds_an_equal_ledger()
    {
        var ledger = new Ledger(10_000m, AccountKind.Margin);
        ledger.Apply(Buy(10m, 100m, 1m));
        ledger.Apply(Sell(3m, 50m, symbol: Spy));

        var copy = Ledger.FromSnapshot(ledger.Snapshot());

        Assert.Equal(ledger.Snapshot(), copy.Snapshot());
        Assert.Equal([Spy, Aapl], copy.Positions.Select(p => p.Symbol)); // ARCA sorts before NASDAQ
    }

    [Fact]
    public void Nav_always_equals_initial_cash_plus_pnl_minus_fees()
    {
        // Seeded random fills on a margin account; the identity must hold after every fill, whatever the path.
        var random = new Random(20240601);
        var symbols = new[] { Aapl, Spy };
        var ledger = new Ledger(50_000m, AccountKind.Margin);
        for (var i = 0; i < 500; i++)
        {
            var symbol = symbols[random.Next(2)];
            var side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
            var price = random.Next(5_000, 15_000) / 100m;
            ledger.Apply(new Fill($"o{i}", symbol, side, random.Next(1, 40), price, random.Next(0, 100) / 100m, DateTimeOffset.UnixEpoch));
            var marks = new Dictionary<Symbol, decimal> { [Aapl] = random.Next(5_000, 15_000) / 100m, [Spy] = random.Next(5_000, 15_000) / 100m };

            var v = ledger.MarkToMarket(marks);

            // An average cost is a quotient, rounded at decimal's 28 digits, so the identity holds to that precision.
            Assert.True(Math.Abs(50_000m + v.RealisedPnl + v.UnrealisedPnl - v.Fees - v.Nav) < 1e-18m, $"fill {i}: NAV {v.Nav}");
        }
    }
}
