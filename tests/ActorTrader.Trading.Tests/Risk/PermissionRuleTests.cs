using ActorTrader.Domain.Accounting;
using ActorTrader.Trading.Risk;
using static ActorTrader.Trading.Tests.Risk.RiskTestData;

namespace ActorTrader.Trading.Tests.Risk;

/// <summary>The rules on whether an order may be placed at all: state, market hours, lists, assets, shorting, confidence, count, account.</summary>
public sealed class PermissionRuleTests
{
    private static readonly Domain.Instruments.Symbol[] OnlyMsft = [Msft];

    [Fact]
    public void While_halted_even_a_reducing_order_is_refused_with_the_halt_reason()
    {
        var intent = Sell(Aapl, 10, 100m) with { ReducesExposure = true };

        var refusal = RefusalOf("trading-state", intent, Context(LedgerOf(90_000m, (Aapl, 100, 100m)), TradingState.Halted))!;

        Assert.Equal($"order {intent.ClientOrderId} (SELL 10 NASDAQ:AAPL) is refused: trading is HALTED since 2026-01-05 15:00:00Z (drawdown 10.00%).", refusal.Message);
        Assert.Equal("Wait until an operator resumes trading (ResumeTrading) once the cause is understood.", refusal.Fix);
    }

    [Fact]
    public void While_reducing_an_order_that_adds_exposure_is_refused()
    {
        var intent = Buy(Aapl, 10, 100m);

        var refusal = RefusalOf("trading-state", intent, Context(LedgerOf(100_000m), TradingState.Reducing))!;

        Assert.Equal($"order {intent.ClientOrderId} (BUY 10 NASDAQ:AAPL) does not reduce exposure, and trading is REDUCING since 2026-01-05 15:00:00Z (drawdown 10.00%): only orders that shrink a position pass.", refusal.Message);
    }

    [Fact]
    public void While_reducing_a_reducing_order_passes()
    {
        var intent = Sell(Aapl, 10, 100m) with { ReducesExposure = true };

        Assert.Empty(Checks().Evaluate([intent], Context(LedgerOf(90_000m, (Aapl, 100, 100m)), TradingState.Reducing)).Refused);
    }

    [Fact]
    public void An_order_marked_reducing_that_would_flip_the_position_is_refused_naming_the_most_it_may_reduce()
    {
        var intent = Sell(Aapl, 15, 100m) with { ReducesExposure = true };

        var refusal = RefusalOf("reduces-exposure", intent, Context(LedgerOf(99_000m, (Aapl, 10, 100m))))!;

        Assert.Equal(15m, refusal.Figure);
        Assert.Equal(10m, refusal.Limit);
        Assert.Equal($"order {intent.ClientOrderId} (SELL 15 NASDAQ:AAPL) is marked ReducesExposure, but with 10 held it would flip the position (to -5); at most 10 can be reduced.", refusal.Message);
        Assert.Equal("Cap the quantity at 10, or clear ReducesExposure so every check applies.", refusal.Fix);
    }

    [Fact]
    public void An_order_marked_reducing_without_a_position_is_refused()
    {
        var refusal = RefusalOf("reduces-exposure", Sell(Aapl, 5, 100m) with { ReducesExposure = true }, Context(LedgerOf(100_000m)))!;

        Assert.Contains("with 0 held it would open the position (to -5)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_market_is_closed_orders_are_refused()
    {
        var intent = Buy(Aapl, 10, 100m);

        var refusal = RefusalOf("market-open", intent, Context(LedgerOf(100_000m), marketOpen: false))!;

        Assert.Equal($"order {intent.ClientOrderId} (BUY 10 NASDAQ:AAPL) is refused: the market is closed.", refusal.Message);
        Assert.Equal("Send it while the market is open, or set actortrader.risk.allow-when-market-closed = on to let orders wait for the next session.", refusal.Fix);
    }

    [Fact]
    public void When_configured_orders_pass_while_the_market_is_closed()
    {
        Assert.Null(RefusalOf("market-open", Buy(Aapl, 10, 100m), Context(LedgerOf(100_000m), marketOpen: false), s => s with { AllowWhenMarketClosed = true }));
    }

    [Fact]
    public void A_denied_symbol_is_refused_even_for_a_reducing_order()
    {
        var intent = Sell(Aapl, 10, 100m) with { ReducesExposure = true };

        var refusal = RefusalOf("deny-list", intent, Context(LedgerOf(90_000m, (Aapl, 100, 100m))), s => s with { DenyList = [Aapl] })!;

        Assert.Equal($"order {intent.ClientOrderId} (SELL 10 NASDAQ:AAPL) is refused: NASDAQ:AAPL is on the deny list (actortrader.risk.deny-list), which blocks every order in it, reducing ones included.", refusal.Message);
        Assert.Equal("Drop the order, or remove NASDAQ:AAPL from actortrader.risk.deny-list.", refusal.Fix);
    }

    [Fact]
    public void A_symbol_not_on_a_non_empty_allow_list_is_refused()
    {
        var intent = Buy(Aapl, 10, 100m);

        var refusal = RefusalOf("allow-list", intent, Context(LedgerOf(100_000m)), s => s with { AllowList = OnlyMsft })!;

        Assert.Equal($"order {intent.ClientOrderId} (BUY 10 NASDAQ:AAPL) is refused: NASDAQ:AAPL is not on the allow list (actortrader.risk.allow-list has 1 symbol).", refusal.Message);
        Assert.Null(RefusalOf("allow-list", Buy(Msft, 10, 100m), Context(LedgerOf(100_000m)), s => s with { AllowList = OnlyMsft }));
    }

    [Fact]
    public void A_position_outside_the_allow_list_can_still_be_reduced()
    {
        var intent = Sell(Aapl, 10, 100m) with { ReducesExposure = true };

        Assert.Null(RefusalOf("allow-list", intent, Context(LedgerOf(90_000m, (Aapl, 100, 100m))), s => s with { AllowList = OnlyMsft }));
    }

    [Fact]
    public void An_asset_the_broker_does_not_trade_is_refused()
    {
        var intent = Buy(Aapl, 10, 100m);

        var refusal = RefusalOf("tradable", intent, Context(LedgerOf(100_000m), assets: Asset(Aapl, tradable: false, status: "inactive")))!;

        Assert.Equal($"order {intent.ClientOrderId} (BUY 10 NASDAQ:AAPL) is refused: the broker lists NASDAQ:AAPL as not tradable with status inactive.", refusal.Message);
    }

    [Fact]
    public void An_intent_below_the_confidence_threshold_is_refused_naming_both()
    {
        var intent = Buy(Aapl, 10, 100m) with { Confidence = 0.4 };

        var refusal = RefusalOf("confidence", intent, Context(LedgerOf(100_000m)), s => s with { MinConfidence = 0.55 })!;

        Assert.Equal(0.4m, refusal.Figure);
        Assert.Equal(0.55m, refusal.Limit);
        Assert.Equal($"order {intent.ClientOrderId} (BUY 10 NASDAQ:AAPL) has confidence 0.40, below the threshold 0.55.", refusal.Message);
        Assert.Equal("Wait for a stronger signal, or lower actortrader.risk.min-confidence.", refusal.Fix);
    }

    [Fact]
    public void Intents_at_the_threshold_or_without_a_confidence_pass()
    {
        Assert.Null(RefusalOf("confidence", Buy(Aapl, 10, 100m) with { Confidence = 0.55 }, Context(LedgerOf(100_000m)), s => s with { MinConfidence = 0.55 }));
        Assert.Null(RefusalOf("confidence", Buy(Aapl, 10, 100m), Context(LedgerOf(100_000m)), s => s with { MinConfidence = 0.55 }));
    }

    [Fact]
    public void The_order_after_the_daily_limit_is_refused_naming_its_number_and_the_limit()
    {
        var intent = Buy(Aapl, 10, 100m);

        var refusal = RefusalOf("daily-trade-count", intent, Context(LedgerOf(100_000m), tradesToday: 200))!;

        Assert.Equal(201m, refusal.Figure);
        Assert.Equal(200m, refusal.Limit);
        Assert.Equal($"order {intent.ClientOrderId} (BUY 10 NASDAQ:AAPL) would be order 201 today, above the limit of 200 a day.", refusal.Message);
        Assert.Null(RefusalOf("daily-trade-count", intent, Context(LedgerOf(100_000m), tradesToday: 199)));
    }

    [Fact]
    public void A_cash_account_may_not_sell_more_than_it_holds()
    {
        var intent = Sell(Aapl, 15, 100m);

        var refusal = RefusalOf("short-sale", intent, Context(LedgerOf(AccountKind.Cash, 99_000m, (Aapl, 10, 100m))))!;

        Assert.Equal(-5m, refusal.Figure);
        Assert.Equal($"order {intent.ClientOrderId} (SELL 15 NASDAQ:AAPL) would leave NASDAQ:AAPL short 5, but a cash account cannot sell short.", refusal.Message);
        Assert.Equal("Sell at most the 10 held, or trade from a margin account.", refusal.Fix);
        Assert.Null(RefusalOf("short-sale", Sell(Aapl, 10, 100m), Context(LedgerOf(AccountKind.Cash, 99_000m, (Aapl, 10, 100m)))));
    }

    [Fact]
    public void A_margin_account_may_short_a_shortable_asset()
    {
        Assert.Null(RefusalOf("short-sale", Sell(Tsla, 5, 100m), Context(LedgerOf(100_000m), assets: Asset(Tsla))));
    }

    [Fact]
    public void A_margin_account_may_not_short_an_asset_the_broker_does_not_lend()
    {
        var intent = Sell(Tsla, 5, 100m);

        var refusal = RefusalOf("short-sale", intent, Context(LedgerOf(100_000m), assets: Asset(Tsla, shortable: false)))!;

        Assert.Equal($"order {intent.ClientOrderId} (SELL 5 NASDAQ:TSLA) would sell NASDAQ:TSLA short, but the broker does not allow shorting it (shortable = false).", refusal.Message);
        Assert.Equal("Drop the order; NASDAQ:TSLA cannot be shorted at this broker.", refusal.Fix);
    }

    [Fact]
    public void A_short_in_an_asset_the_broker_was_not_asked_about_is_refused()
    {
        var refusal = RefusalOf("short-sale", Sell(Tsla, 5, 100m), Context(LedgerOf(100_000m)))!;

        Assert.Contains("the broker's asset for it is unknown, so its shortability cannot be checked", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("Pass the broker's assets (Alpaca GET /v2/assets) with CheckOrders.", refusal.Fix);
    }

    [Fact]
    public void An_intent_for_another_account_is_refused()
    {
        var intent = Buy(Aapl, 10, 100m) with { AccountId = "acc-2" };

        var refusal = RefusalOf("account", intent, Context(LedgerOf(100_000m)))!;

        Assert.Equal($"order {intent.ClientOrderId} (BUY 10 NASDAQ:AAPL) is for account acc-2, but these checks guard account acc-1.", refusal.Message);
    }
}
