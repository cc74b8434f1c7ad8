using ActorTrader.Domain.Accounting;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk.PreTrade;
using static ActorTrader.Trading.Tests.Risk.RiskTestData;

namespace ActorTrader.Trading.Tests.Risk;

/// <summary>A batch through all the rules: what reducing intents skip, how earlier approvals move the context, ordering and refusals.</summary>
public sealed class PreTradeChecksTests
{
    [Fact]
    public void An_order_within_every_limit_is_approved()
    {
        var intent = Buy(Aapl, 10, 100m);

        var result = Checks().Evaluate([intent], Context(LedgerOf(100_000m)));

        Assert.Equal([intent], result.Approved);
        Assert.Empty(result.Refused);
    }

    [Fact]
    public void A_reducing_order_skips_the_limits_on_taking_risk()
    {
        // A 30% cut of an oversized position: far beyond the 2% order cap, under the minimum confidence, on the day's last trade.
        var intent = Sell(Aapl, 300, 100m) with { ReducesExposure = true, Confidence = 0.1 };
        var context = Context(LedgerOf(50_000m, (Aapl, 500, 100m)), tradesToday: 200);

        var result = Checks(s => s with { MinConfidence = 0.5 }).Evaluate([intent], context);

        Assert.Equal([intent], result.Approved);
    }

    [Fact]
    public void The_same_sell_without_the_reducing_mark_meets_every_limit()
    {
        var intent = Sell(Aapl, 300, 100m);

        var refused = Assert.Single(Checks().Evaluate([intent], Context(LedgerOf(50_000m, (Aapl, 500, 100m)))).Refused);

        Assert.Equal(["order-notional-cap"], refused.Reasons.Select(r => r.Rule));
    }

    [Fact]
    public void A_refused_order_lists_every_rule_it_broke_in_rule_order()
    {
        var intent = Buy(Aapl, 300, 100m);

        var refused = Assert.Single(Checks().Evaluate([intent], Context(LedgerOf(100_000m), marketOpen: false)).Refused);

        Assert.Equal(["market-open", "order-notional-cap", "position-weight-cap"], refused.Reasons.Select(r => r.Rule));
        Assert.StartsWith("market-open: ", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Approved_orders_use_up_room_for_later_ones_in_the_batch()
    {
        var first = Buy(Aapl, 60, 100m, leg: "a");
        var second = Buy(Aapl, 60, 100m, leg: "b");

        var result = Checks(s => s with { MaxOrderWeight = 0.1m }).Evaluate([first, second], Context(LedgerOf(100_000m)));

        Assert.Equal([first], result.Approved);
        Assert.Equal(["position-weight-cap"], Assert.Single(result.Refused).Reasons.Select(r => r.Rule));
    }

    [Fact]
    public void Reducing_orders_are_judged_first_so_their_proceeds_pay_for_the_buys_and_results_keep_the_input_order()
    {
        // A cash account with no cash: the buy listed first is paid by the sell listed second.
        var buy = Buy(Msft, 1, 100m);
        var sell = Sell(Aapl, 2, 100m) with { ReducesExposure = true };

        var result = Checks().Evaluate([buy, sell], Context(LedgerOf(AccountKind.Cash, 0m, (Aapl, 100, 100m))));

        Assert.Equal([buy, sell], result.Approved);
    }

    [Fact]
    public void A_buy_earlier_in_the_batch_does_not_make_a_larger_sell_a_reduction()
    {
        // 100 held: should the buy not fill, the "reducing" sell of 150 would leave the cash account short 50.
        var buy = Buy(Aapl, 50, 100m, leg: "a");
        var sell = Sell(Aapl, 150, 100m, leg: "b") with { ReducesExposure = true };

        var result = Checks().Evaluate([buy, sell], Context(LedgerOf(AccountKind.Cash, 990_000m, (Aapl, 100, 100m))));

        Assert.Equal([buy], result.Approved);
        Assert.Contains("reduces-exposure", Assert.Single(result.Refused).Reasons.Select(r => r.Rule));
    }

    [Fact]
    public void The_daily_count_includes_orders_approved_earlier_in_the_batch()
    {
        var first = Buy(Aapl, 1, 100m);
        var second = Buy(Msft, 1, 100m);

        var result = Checks(s => s with { MaxTradesPerDay = 2 }).Evaluate([first, second], Context(LedgerOf(100_000m), tradesToday: 1));

        Assert.Equal([first], result.Approved);
        Assert.Equal("daily-trade-count", Assert.Single(Assert.Single(result.Refused).Reasons).Rule);
    }

    [Fact]
    public void An_order_already_counted_today_is_no_new_trade()
    {
        var counted = Buy(Aapl, 1, 100m, leg: "a");
        var fresh = Buy(Msft, 1, 100m, leg: "b");
        var context = Context(LedgerOf(100_000m), tradesToday: 2) with { ApprovedToday = new HashSet<string> { counted.ClientOrderId } };

        var result = Checks(s => s with { MaxTradesPerDay = 3 }).Evaluate([counted, fresh], context);

        Assert.Equal([counted, fresh], result.Approved);
    }

    [Fact]
    public void The_same_intent_twice_in_a_batch_is_approved_once()
    {
        var intent = Buy(Aapl, 1, 100m);

        var result = Checks().Evaluate([intent, intent], Context(LedgerOf(100_000m)));

        Assert.Equal([intent], result.Approved);
        var duplicate = Assert.Single(Assert.Single(result.Refused).Reasons);
        Assert.Equal("order-values", duplicate.Rule);
        Assert.Contains("appears more than once in this batch", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_intent_without_a_positive_quantity_is_refused_before_any_rule_runs()
    {
        var intent = Buy(Aapl, 0, 100m);

        var reason = Assert.Single(Assert.Single(Checks().Evaluate([intent], Context(LedgerOf(100_000m))).Refused).Reasons);

        Assert.Equal("order-values", reason.Rule);
        Assert.Equal($"order {intent.ClientOrderId} (BUY 0 NASDAQ:AAPL) has quantity 0; it must be positive (the side gives the direction).", reason.Message);
    }

    [Fact]
    public void An_intent_without_a_leg_is_refused_instead_of_throwing()
    {
        var intent = Buy(Aapl, 1, 100m) with { Leg = "" };

        var reason = Assert.Single(Assert.Single(Checks().Evaluate([intent], Context(LedgerOf(100_000m))).Refused).Reasons);

        Assert.Equal("The intent for NASDAQ:AAPL has no Leg, so it has no client order id.", reason.Message);
    }

    [Fact]
    public void A_new_rule_is_one_class_added_to_the_list()
    {
        var checks = new PreTradeChecks([.. Checks().Rules, new NoTeslaRule()]);

        var result = checks.Evaluate([Buy(Tsla, 1, 100m), Buy(Aapl, 1, 100m)], Context(LedgerOf(100_000m)));

        Assert.Equal([Aapl], result.Approved.Select(i => i.Symbol));
        Assert.Equal("no-tesla", Assert.Single(Assert.Single(result.Refused).Reasons).Rule);
    }

    private sealed class NoTeslaRule : IPreTradeRule
    {
        public string Name => "no-tesla";

        public PreTradeRefusal? Check(OrderIntent intent, RiskContext context) =>
            intent.Symbol == Tsla ? new PreTradeRefusal(Name, intent.ClientOrderId, intent.Symbol, null, null, "No.", "Buy something else.") : null;
    }
}
