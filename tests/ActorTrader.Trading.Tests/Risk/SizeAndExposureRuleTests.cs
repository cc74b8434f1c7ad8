using ActorTrader.Trading.Risk;
using static ActorTrader.Trading.Tests.Risk.RiskTestData;

namespace ActorTrader.Trading.Tests.Risk;

/// <summary>The rules on how much risk an order adds: order size, position weight, gross and net exposure, minimum notional, NAV.</summary>
public sealed class SizeAndExposureRuleTests
{
    /// <summary>Only the rule under test binds: every other size limit is out of the way.</summary>
    private static RiskSettings Loose(RiskSettings s) => s with { MaxOrderWeight = 1m, MaxPositionWeight = 1m, MaxGrossExposure = 10m, MaxNetExposure = 10m };

    [Fact]
    public void An_order_of_exactly_two_percent_of_nav_passes_the_order_cap()
    {
        Assert.Null(RefusalOf("order-notional-cap", Buy(Aapl, 20, 100m), Context(LedgerOf(100_000m))));
    }

    [Fact]
    public void An_order_above_two_percent_of_nav_is_refused_naming_its_notional_the_cap_and_the_largest_quantity()
    {
        var intent = Buy(Aapl, 30, 100m);

        var refusal = RefusalOf("order-notional-cap", intent, Context(LedgerOf(100_000m)))!;

        Assert.Equal(intent.ClientOrderId, refusal.ClientOrderId);
        Assert.Equal(Aapl, refusal.Symbol);
        Assert.Equal(3_000m, refusal.Figure);
        Assert.Equal(2_000m, refusal.Limit);
        Assert.Equal($"order {intent.ClientOrderId} (BUY 30 NASDAQ:AAPL) has notional 3,000.00 = 3.00% of NAV 100,000.00, above the cap of 2.00% of NAV (2,000.00).", refusal.Message);
        Assert.Equal("Lower the quantity to at most 20 or split the order; or raise actortrader.risk.max-order-weight.", refusal.Fix);
    }

    [Fact]
    public void The_order_cap_follows_max_order_weight()
    {
        Assert.Null(RefusalOf("order-notional-cap", Buy(Aapl, 30, 100m), Context(LedgerOf(100_000m)), s => s with { MaxOrderWeight = 0.03m }));
    }

    [Fact]
    public void A_position_reaching_exactly_its_weight_cap_passes()
    {
        Assert.Null(RefusalOf("position-weight-cap", Buy(Aapl, 10, 100m), Context(LedgerOf(91_000m, (Aapl, 90, 100m)))));
    }

    [Fact]
    public void An_order_taking_a_position_above_its_weight_cap_is_refused_naming_the_weight_and_the_cap()
    {
        var intent = Buy(Aapl, 15, 100m);

        var refusal = RefusalOf("position-weight-cap", intent, Context(LedgerOf(91_000m, (Aapl, 90, 100m))))!;

        Assert.Equal(0.105m, refusal.Figure);
        Assert.Equal(0.10m, refusal.Limit);
        Assert.Equal($"order {intent.ClientOrderId} (BUY 15 NASDAQ:AAPL) would make the position in NASDAQ:AAPL 105 worth 10,500.00 = 10.50% of NAV 100,000.00, above the cap of 10.00%.", refusal.Message);
        Assert.Equal("Keep the position at or below 10,000.00 by lowering the quantity; or raise actortrader.risk.max-position-weight.", refusal.Fix);
    }

    [Fact]
    public void A_sell_that_shrinks_a_position_above_its_cap_passes_the_weight_cap()
    {
        Assert.Null(RefusalOf("position-weight-cap", Sell(Aapl, 10, 100m), Context(LedgerOf(85_000m, (Aapl, 150, 100m)))));
    }

    [Fact]
    public void An_order_keeping_gross_exposure_at_its_limit_passes()
    {
        var ledger = LedgerOf(99_500m, (Aapl, 500, 100m), (Msft, -495, 100m));

        Assert.Null(RefusalOf("gross-exposure", Buy(Tsla, 5, 100m), Context(ledger)));
    }

    [Fact]
    public void An_order_taking_gross_exposure_above_its_limit_is_refused_naming_the_multiple_and_the_limit()
    {
        // Long 50,000 and short 49,500: gross 99,500 but net only 500, so the net limit stays out of it.
        var ledger = LedgerOf(99_500m, (Aapl, 500, 100m), (Msft, -495, 100m));
        var intent = Buy(Tsla, 15, 100m);

        var refusal = RefusalOf("gross-exposure", intent, Context(ledger))!;

        Assert.Equal(1.01m, refusal.Figure);
        Assert.Equal(1.0m, refusal.Limit);
        Assert.Equal($"order {intent.ClientOrderId} (BUY 15 NASDAQ:TSLA) would take gross exposure to 101,000.00 = 1.01x NAV, above the limit of 1.00x NAV (100,000.00).", refusal.Message);
        Assert.Equal("Reduce other positions first (sells in the same batch count) or lower the quantity; or raise actortrader.risk.max-gross-exposure.", refusal.Fix);
        Assert.Null(RefusalOf("net-exposure", intent, Context(ledger)));
    }

    [Fact]
    public void An_order_taking_net_exposure_above_its_limit_is_refused_naming_the_multiple_and_the_limit()
    {
        var intent = Buy(Tsla, 15, 100m);

        var refusal = RefusalOf("net-exposure", intent, Context(LedgerOf(500m, (Aapl, 995, 100m))), s => s with { MaxGrossExposure = 2m })!;

        Assert.Equal(1.01m, refusal.Figure);
        Assert.Equal(1.0m, refusal.Limit);
        Assert.Equal($"order {intent.ClientOrderId} (BUY 15 NASDAQ:TSLA) would take net exposure to 101,000.00 = 1.01x NAV, above the limit of 1.00x NAV (100,000.00).", refusal.Message);
    }

    [Fact]
    public void A_short_sale_that_lowers_a_too_long_net_exposure_passes_the_net_limit()
    {
        var ledger = LedgerOf(-5_000m, (Aapl, 1_050, 100m));

        Assert.Null(RefusalOf("net-exposure", Sell(Tsla, 10, 100m), Context(ledger, assets: Asset(Tsla)), s => s with { MaxGrossExposure = 2m }));
    }

    [Fact]
    public void An_order_below_the_minimum_notional_is_refused_naming_both()
    {
        var intent = Buy(Aapl, 0.005m, 100m);

        var refusal = RefusalOf("min-notional", intent, Context(LedgerOf(100_000m)))!;

        Assert.Equal(0.5m, refusal.Figure);
        Assert.Equal(1m, refusal.Limit);
        Assert.Equal($"order {intent.ClientOrderId} (BUY 0.005 NASDAQ:AAPL) has notional 0.50, below the minimum of 1.00.", refusal.Message);
        Assert.Equal("Drop the order or make it worth at least 1.00; or lower actortrader.risk.min-notional.", refusal.Fix);
    }

    [Fact]
    public void An_order_of_exactly_the_minimum_notional_passes()
    {
        Assert.Null(RefusalOf("min-notional", Buy(Aapl, 0.01m, 100m), Context(LedgerOf(100_000m))));
    }

    [Fact]
    public void No_order_may_add_exposure_while_nav_is_not_positive()
    {
        var intent = Buy(Aapl, 1, 100m);

        var refusal = RefusalOf("nav", intent, Context(LedgerOf(-10m)))!;

        Assert.Equal($"order {intent.ClientOrderId} (BUY 1 NASDAQ:AAPL) is refused: the account's NAV is -10.00, so no order may add exposure.", refusal.Message);
    }

    [Fact]
    public void A_cash_account_buy_within_its_cash_passes()
    {
        var ledger = LedgerOf(Domain.Accounting.AccountKind.Cash, 2_000m, (Aapl, 980, 100m));

        Assert.Null(RefusalOf("buying-power", Buy(Msft, 20, 100m), Context(ledger), Loose));
    }

    [Fact]
    public void A_cash_account_buy_beyond_its_cash_is_refused_naming_the_cash_left_and_the_largest_quantity()
    {
        var ledger = LedgerOf(Domain.Accounting.AccountKind.Cash, 2_000m, (Aapl, 980, 100m));
        var intent = Buy(Msft, 25, 100m);

        var refusal = RefusalOf("buying-power", intent, Context(ledger), Loose)!;

        Assert.Equal(2_500m, refusal.Figure);
        Assert.Equal(2_000m, refusal.Limit);
        Assert.Equal($"order {intent.ClientOrderId} (BUY 25 NASDAQ:MSFT) needs 2,500.00 of cash, but the cash account has 2,000.00 left.", refusal.Message);
        Assert.Equal("Lower the quantity to at most 20, or list sells before it in the same batch to free cash.", refusal.Fix);
    }

    [Fact]
    public void A_margin_buy_beyond_the_brokers_buying_power_is_refused_naming_the_source()
    {
        var intent = Buy(Aapl, 60, 100m);

        var refusal = RefusalOf("buying-power", intent, Context(LedgerOf(100_000m), buyingPower: 5_000m), Loose)!;

        Assert.Equal($"order {intent.ClientOrderId} (BUY 60 NASDAQ:AAPL) needs 6,000.00 of buying power, but 5,000.00 is left (the broker's buying power, less this batch).", refusal.Message);
        Assert.Equal("Lower the quantity to at most 50, or reduce positions first.", refusal.Fix);
    }

    [Fact]
    public void Without_the_brokers_figure_a_margin_accounts_buying_power_is_nav_times_the_multiplier_less_gross_exposure()
    {
        var ledger = LedgerOf(50_000m, (Aapl, 500, 100m));

        Assert.Null(RefusalOf("buying-power", Buy(Msft, 1_500, 100m), Context(ledger), Loose));
        var refusal = RefusalOf("buying-power", Buy(Msft, 1_501, 100m), Context(ledger), Loose)!;
        Assert.Contains("needs 150,100.00 of buying power, but 150,000.00 is left (NAV × 2 − gross exposure, less this batch).", refusal.Message, StringComparison.Ordinal);
    }
}
