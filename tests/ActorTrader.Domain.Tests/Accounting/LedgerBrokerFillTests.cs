using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Domain.Tests.Accounting;

// A broker's fill is a fact: ApplyBrokerFill books it like Apply, even when the account's rules forbid it, and names the rule.
public sealed class LedgerBrokerFillTests
{
    private static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");

    private static Fill Buy(decimal quantity, decimal price, decimal commission = 0m) =>
        new("o", Aapl, OrderSide.Buy, quantity, price, commission, DateTimeOffset.UnixEpoch);

    private static Fill Sell(decimal quantity, decimal price, decimal commission = 0m) =>
        new("o", Aapl, OrderSide.Sell, quantity, price, commission, DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_broker_fill_that_shorts_a_cash_account_is_booked_and_names_the_rule()
    {
        var ledger = new Ledger(10_000m);
        ledger.Apply(Buy(5m, 100m));

        var rule = ledger.ApplyBrokerFill(Sell(8m, 110m, commission: 1m));

        Assert.Contains("cannot go short", rule, StringComparison.Ordinal);
        Assert.Equal(new Position(Aapl, -3m, 110m), ledger.PositionOf(Aapl)); // the 5 held close, 3 open short at the fill price
        Assert.Equal(50m, ledger.RealisedPnl); // 5 × (110 − 100)
        Assert.Equal(10_379m, ledger.Cash); // 10000 − 500 + 880 − 1
        Assert.Equal(1m, ledger.Fees);
    }

    [Fact]
    public void A_broker_fill_that_overdraws_a_cash_account_is_booked_with_cash_below_zero()
    {
        var ledger = new Ledger(1_000m);

        var rule = ledger.ApplyBrokerFill(Buy(10m, 101m));

        Assert.Contains("needs 1010", rule, StringComparison.Ordinal);
        Assert.Equal(-10m, ledger.Cash);
        Assert.Equal(new Position(Aapl, 10m, 101m), ledger.PositionOf(Aapl));
    }

    [Fact]
    public void A_broker_fill_within_the_rules_is_booked_as_apply_books_it_and_names_no_rule()
    {
        var forced = new Ledger(10_000m);
        var applied = new Ledger(10_000m);
        forced.Apply(Buy(10m, 100m));
        applied.Apply(Buy(10m, 100m));

        var rule = forced.ApplyBrokerFill(Sell(4m, 95m, commission: 0.5m));
        applied.Apply(Sell(4m, 95m, commission: 0.5m));

        Assert.Null(rule);
        Assert.Equal(applied.Snapshot(), forced.Snapshot());
    }

    [Fact]
    public void Covering_part_of_a_short_a_cash_account_was_given_breaks_no_rule()
    {
        var ledger = Ledger.FromSnapshot(new LedgerSnapshot(AccountKind.Cash, 10_000m, 0m, 0m, 0, [new Position(Aapl, -10m, 100m)]));

        ledger.Apply(Buy(4m, 90m));

        Assert.Equal(new Position(Aapl, -6m, 100m), ledger.PositionOf(Aapl));
        Assert.Equal(40m, ledger.RealisedPnl); // 4 × (100 − 90) on a short
    }

    [Fact]
    public void Growing_a_short_a_cash_account_was_given_is_still_refused()
    {
        var ledger = Ledger.FromSnapshot(new LedgerSnapshot(AccountKind.Cash, 10_000m, 0m, 0m, 0, [new Position(Aapl, -10m, 100m)]));

        var e = Assert.Throws<LedgerException>(() => ledger.Apply(Sell(1m, 100m)));

        Assert.Contains("cannot go short", e.Message, StringComparison.Ordinal);
        Assert.Equal(-10m, ledger.QuantityOf(Aapl));
    }

    [Fact]
    public void A_sale_that_raises_the_negative_cash_of_a_cash_account_breaks_no_rule()
    {
        var ledger = Ledger.FromSnapshot(new LedgerSnapshot(AccountKind.Cash, -500m, 0m, 0m, 0, [new Position(Aapl, 10m, 100m)]));

        ledger.Apply(Sell(2m, 100m));

        Assert.Equal(-300m, ledger.Cash);
    }
}
