using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Rebalancing;
using static ActorTrader.Trading.Tests.Rebalancing.PlannerData;

namespace ActorTrader.Trading.Tests.Rebalancing;

public sealed class RebalancePlannerTests
{
    private const string Id = "2026-01-06T20:45Z";

    [Fact]
    public void Two_sleeves_holding_the_same_symbol_get_one_order_for_it_netted_over_their_shares()
    {
        // core: half the account, 60% AAPL; trend: half the account, 20% AAPL short → net 0.5·0.6 − 0.5·0.2 = 0.2.
        var targets = RebalanceTargets.Sleeves([Set("core", 0.5, 0.4, (Aapl, 0.6)), Set("trend", 0.5, 1.2, (Aapl, -0.2))]);
        var settings = RebalanceSettings.Default with { LongOnly = false };

        var plan = Planner(settings).Plan(Id, targets, LedgerOf(100_000m), Prices((Aapl, 100m)));

        var intent = Assert.Single(plan.Intents);
        Assert.Equal((Aapl, OrderSide.Buy, 200m, "net"), (intent.Symbol, intent.Side, intent.Quantity, intent.Sleeve));
    }

    [Fact]
    public void A_meta_target_gives_intents_of_the_meta_sleeve()
    {
        var targets = RebalanceTargets.Meta(Set("anything", 1.0, 0.5, (Aapl, 0.5)));

        var plan = Planner().Plan(Id, targets, LedgerOf(10_000m), Prices((Aapl, 100m)));

        Assert.Equal(RebalanceTargets.MetaName, Assert.Single(plan.Intents).Sleeve);
    }

    [Fact]
    public void Equities_are_bought_in_whole_shares_rounded_down()
    {
        var targets = RebalanceTargets.Meta(Set("meta", 1.0, 0.0, (Aapl, 1.0)));

        var plan = Planner().Plan(Id, targets, LedgerOf(10_000m), Prices((Aapl, 300m)));

        Assert.Equal(33m, Assert.Single(plan.Intents).Quantity);
    }

    [Fact]
    public void Crypto_is_bought_in_fractional_lots_rounded_down()
    {
        var targets = RebalanceTargets.Meta(Set("meta", 1.0, 0.5, (Btc, 0.5)));

        var plan = Planner().Plan(Id, targets, LedgerOf(10_000m), Prices((Btc, 30_000m)));

        var intent = Assert.Single(plan.Intents);
        Assert.Equal((0.1666m, TimeInForce.Gtc), (intent.Quantity, intent.TimeInForce));
    }

    [Fact]
    public void An_equity_listed_as_fractionable_is_bought_in_fractional_lots()
    {
        var settings = RebalanceSettings.Default with { Fractionable = new HashSet<Symbol> { Aapl } };
        var targets = RebalanceTargets.Meta(Set("meta", 1.0, 0.0, (Aapl, 1.0)));

        var plan = Planner(settings).Plan(Id, targets, LedgerOf(10_000m), Prices((Aapl, 300m)));

        Assert.Equal(33.3333m, Assert.Single(plan.Intents).Quantity);
    }

    [Fact]
    public void A_trade_below_the_minimum_notional_is_skipped_and_reported()
    {
        var settings = RebalanceSettings.Default with { MinNotional = 50m };
        // 10% of 1,000 at 20 = 5 shares held; 12% → 6 shares: a 20.00 trade.
        var targets = RebalanceTargets.Meta(Set("meta", 1.0, 0.88, (Aapl, 0.12)));

        var plan = Planner(settings).Plan(Id, targets, LedgerOf(1_000m, AccountKind.Margin, (Aapl, 5m)), Prices((Aapl, 20m)));

        Assert.Empty(plan.Intents);
        var skipped = Assert.Single(plan.Skipped);
        Assert.Equal((Aapl, OrderSide.Buy, 1m), (skipped.Symbol, skipped.Side, skipped.Quantity));
        Assert.Contains("below min-notional 50.00", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_move_smaller_than_one_lot_is_skipped_with_its_reason()
    {
        // 100 shares held; the target is 100.4 shares.
        var targets = RebalanceTargets.Meta(Set("meta", 1.0, 0.8996, (Aapl, 0.1004)));

        var plan = Planner().Plan(Id, targets, LedgerOf(100_000m, AccountKind.Margin, (Aapl, 100m)), Prices((Aapl, 100m)));

        Assert.Empty(plan.Intents);
        Assert.Contains("less than one lot", Assert.Single(plan.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sells_come_before_buys_and_each_side_is_in_symbol_order()
    {
        var targets = RebalanceTargets.Meta(Set("meta", 1.0, 0.0, (Tsla, 0.5), (Aapl, 0.5)));
        var ledger = LedgerOf(20_000m, AccountKind.Margin, (Msft, 50m), (Aapl, 150m));

        var plan = Planner().Plan(Id, targets, ledger, Prices((Aapl, 50m), (Msft, 100m), (Tsla, 100m)));

        // AAPL 150 → 200 (buy 50), MSFT 50 → 0 (sell), TSLA 0 → 100 (buy).
        Assert.Equal([(Msft, OrderSide.Sell), (Aapl, OrderSide.Buy), (Tsla, OrderSide.Buy)], plan.Intents.Select(i => (i.Symbol, i.Side)));
    }

    [Fact]
    public void A_position_no_longer_targeted_is_closed_in_full_as_an_exposure_reducing_close_leg()
    {
        var targets = RebalanceTargets.Meta(Set("meta", 1.0, 1.0));

        var plan = Planner().Plan(Id, targets, LedgerOf(10_000m, AccountKind.Cash, (Aapl, 12.5m)), Prices((Aapl, 100m)));

        var intent = Assert.Single(plan.Intents);
        Assert.Equal((OrderSide.Sell, 12.5m, RebalancePlanner.CloseLeg, true), (intent.Side, intent.Quantity, intent.Leg, intent.ReducesExposure));
    }

    [Fact]
    public void A_long_position_that_turns_short_becomes_a_close_leg_then_a_target_leg()
    {
        var settings = RebalanceSettings.Default with { LongOnly = false };
        var targets = RebalanceTargets.Meta(Set("meta", 1.0, 1.1, (Aapl, -0.1)));

        var plan = Planner(settings).Plan(Id, targets, LedgerOf(10_000m, AccountKind.Margin, (Aapl, 20m)), Prices((Aapl, 100m)));

        Assert.Equal([(RebalancePlanner.CloseLeg, 20m, true), (RebalancePlanner.TargetLeg, 10m, false)],
            plan.Intents.Select(i => (i.Leg, i.Quantity, i.ReducesExposure)));
        Assert.All(plan.Intents, i => Assert.Equal(OrderSide.Sell, i.Side));
    }

    [Fact]
    public void Weights_that_do_not_sum_to_one_give_an_error_naming_the_sleeve_the_sum_and_the_fix_and_no_intents()
    {
        var targets = RebalanceTargets.Sleeves([Set("core_equity", 0.5, 0.0, (Aapl, 0.5), (Msft, 0.3)), Set("trend", 0.5, 0.5, (Tsla, 0.5))]);

        var plan = Planner().Plan(Id, targets, LedgerOf(10_000m), Prices((Aapl, 100m), (Msft, 100m), (Tsla, 100m)));

        Assert.False(plan.IsValid);
        Assert.Empty(plan.Intents);
        var error = Assert.Single(plan.Errors);
        Assert.Contains("Sleeve core_equity", error, StringComparison.Ordinal);
        Assert.Contains("sum to 0.8000", error, StringComparison.Ordinal);
        Assert.Contains("Fix:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_cash_weight_is_leverage_and_an_error_even_when_the_total_is_one()
    {
        // 150% AAPL and −50% cash add up to 1, but ask for half the account again on borrowed money.
        var targets = RebalanceTargets.Meta(Set("meta", 1.0, -0.5, (Aapl, 1.5)));

        var plan = Planner().Plan(Id, targets, LedgerOf(10_000m), Prices((Aapl, 100m)));

        Assert.Empty(plan.Intents);
        Assert.Contains("cash weight is -0.5000", Assert.Single(plan.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_NaN_weight_is_an_error_and_nothing_is_planned()
    {
        var targets = RebalanceTargets.Meta(Set("meta", 1.0, 0.5, (Aapl, double.NaN), (Msft, 0.5)));

        var plan = Planner().Plan(Id, targets, LedgerOf(10_000m), Prices((Aapl, 100m), (Msft, 100m)));

        Assert.Empty(plan.Intents);
        Assert.Contains("NASDAQ:AAPL is NaN", Assert.Single(plan.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_weight_on_a_long_only_account_is_an_error()
    {
        var targets = RebalanceTargets.Sleeves([Set("trend_short", 1.0, 1.2, (Tsla, -0.2))]);

        var plan = Planner().Plan(Id, targets, LedgerOf(10_000m), Prices((Tsla, 100m)));

        Assert.Empty(plan.Intents);
        Assert.Contains("Sleeve trend_short: the weight of NASDAQ:TSLA is -0.2000, a short", Assert.Single(plan.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_weighted_symbol_without_a_price_is_an_error_naming_it()
    {
        var unknown = Symbol.Parse("NASDAQ:NOPE");
        var targets = RebalanceTargets.Meta(Set("meta", 1.0, 0.5, (Aapl, 0.25), (unknown, 0.25)));

        var plan = Planner().Plan(Id, targets, LedgerOf(10_000m), Prices((Aapl, 100m)));

        Assert.Empty(plan.Intents);
        Assert.Contains("NASDAQ:NOPE has weight 0.2500 but no price", Assert.Single(plan.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Capital_shares_over_one_are_an_error()
    {
        var targets = RebalanceTargets.Sleeves([Set("a", 0.7, 0.0, (Aapl, 1.0)), Set("b", 0.7, 0.0, (Msft, 1.0))]);

        var plan = Planner().Plan(Id, targets, LedgerOf(10_000m), Prices((Aapl, 100m), (Msft, 100m)));

        Assert.Empty(plan.Intents);
        Assert.Contains("capital shares sum to 1.4000", Assert.Single(plan.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_plan_has_the_same_client_order_ids_whatever_the_input_order()
    {
        var first = RebalanceTargets.Sleeves([Set("a", 0.5, 0.0, (Aapl, 0.5), (Msft, 0.5)), Set("b", 0.5, 0.0, (Tsla, 1.0))]);
        var second = RebalanceTargets.Sleeves([Set("b", 0.5, 0.0, (Tsla, 1.0)), Set("a", 0.5, 0.0, (Msft, 0.5), (Aapl, 0.5))]);
        var prices = Prices((Aapl, 100m), (Msft, 200m), (Tsla, 300m));

        var one = Planner().Plan(Id, first, LedgerOf(30_000m), prices);
        var two = Planner().Plan(Id, second, LedgerOf(30_000m), prices);

        Assert.Equal(one.Intents.Select(i => i.ClientOrderId), two.Intents.Select(i => i.ClientOrderId));
        var aapl = one.Intents.Single(i => i.Symbol == Aapl);
        Assert.Equal(ClientOrderIds.For(Account, "net", Id, Aapl, OrderSide.Buy, RebalancePlanner.TargetLeg), aapl.ClientOrderId);
    }

    [Fact]
    public void A_sleeve_target_with_the_rest_in_cash_is_valid()
    {
        var set = TargetWeightSet.WithImplicitCash("core", 1.0, new Dictionary<Symbol, double> { [Aapl] = 0.3, [Msft] = 0.2 });

        var plan = Planner().Plan(Id, RebalanceTargets.Sleeves([set]), LedgerOf(10_000m), Prices((Aapl, 100m), (Msft, 100m)));

        Assert.True(plan.IsValid, string.Join(" ", plan.Errors));
        Assert.Equal([30m, 20m], plan.Intents.Select(i => i.Quantity));
    }
}
