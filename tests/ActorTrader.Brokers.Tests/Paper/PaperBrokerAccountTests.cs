using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Paper;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Tests.Paper;

public sealed class PaperBrokerAccountTests : PaperBrokerTestBase
{
    [Fact]
    public async Task Cash_account_refuses_a_short_sale()
    {
        var broker = Open(s => s with { AccountKind = AccountKind.Cash });

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => Sell(broker, "short-1", Aapl, 10));

        Assert.Equal(PaperReasonCodes.NotShortableOnCashAccount, error.ReasonCode);
        Assert.True(error.IsDefinite);
        Assert.Contains("short-1", error.Message, StringComparison.Ordinal);
        Assert.Empty(await broker.GetOrdersAsync(new OrderQuery(OrderQueryStatus.All)));
    }

    [Fact]
    public async Task Cash_account_refuses_selling_what_open_sell_orders_already_hold()
    {
        var broker = Open(s => s with { AccountKind = AccountKind.Cash });
        await Buy(broker, "buy-1", Aapl, 10);
        await Publish(broker, Quote(Aapl, 100m, Monday(14, 40)));
        await Sell(broker, "sell-1", Aapl, 6);

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => Sell(broker, "sell-2", Aapl, 6));

        Assert.Equal(PaperReasonCodes.NotShortableOnCashAccount, error.ReasonCode);
    }

    [Fact]
    public async Task Cash_account_refuses_buying_beyond_its_cash()
    {
        var broker = Open(s => s with { AccountKind = AccountKind.Cash });
        await Publish(broker, Quote(Aapl, 100m, Monday(14, 31)));

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => Buy(broker, "buy-1", Aapl, 1_000));

        Assert.Equal(PaperReasonCodes.InsufficientBuyingPower, error.ReasonCode);
        Assert.Equal(403, error.StatusCode);
    }

    [Fact]
    public async Task Cash_account_counts_open_buy_orders_against_its_buying_power()
    {
        var broker = Open(s => s with { AccountKind = AccountKind.Cash });
        await Publish(broker, Quote(Aapl, 100m, Monday(14, 31)));
        await Buy(broker, "buy-1", Aapl, 900); // about 90054 with slippage and commission

        Assert.Equal(9_945.9955m, (await broker.GetAccountAsync()).BuyingPower);
        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => Buy(broker, "buy-2", Aapl, 100));
        Assert.Equal(PaperReasonCodes.InsufficientBuyingPower, error.ReasonCode);
    }

    [Fact]
    public async Task Cash_account_fills_only_what_its_cash_pays_for_when_the_price_was_unknown_at_submission()
    {
        var broker = Open(s => s with { AccountKind = AccountKind.Cash, InitialCash = 10_000m });
        var order = await Buy(broker, "buy-1", Aapl, 200);

        var updates = await Publish(broker, Quote(Aapl, 60m, Monday(14, 40)));

        Assert.Equal([TradeUpdateEvent.PartialFill, TradeUpdateEvent.Canceled], updates.Select(u => u.Event));
        Assert.Equal(166m, updates[0].Quantity);
        Assert.Equal(34.023502m, (await broker.GetAccountAsync()).Cash); // 10000 − 166 × 60.03 − 0.996498
        Assert.Equal(OrderStatus.Canceled, (await Order(broker, order)).Status);
    }

    [Fact]
    public async Task Cash_account_rejects_at_fill_time_an_order_its_cash_cannot_pay_for_at_all()
    {
        var broker = Open(s => s with { AccountKind = AccountKind.Cash, InitialCash = 50m });
        var order = await Buy(broker, "buy-1", Aapl, 1);

        var rejected = Assert.Single(await Publish(broker, Quote(Aapl, 60m, Monday(14, 40))));

        Assert.Equal(TradeUpdateEvent.Rejected, rejected.Event);
        Assert.Equal(OrderStatus.Rejected, (await Order(broker, order)).Status);
        Assert.Equal(50m, (await broker.GetAccountAsync()).Cash);
    }

    [Fact]
    public async Task Margin_account_buying_power_is_the_multiplier_times_equity()
    {
        var broker = Open(s => s with { MarginMultiplier = 2m });

        var account = await broker.GetAccountAsync();

        Assert.Equal(AccountKind.Margin, account.Kind);
        Assert.Equal(200_000m, account.BuyingPower);
        Assert.Equal(100_000m, account.Equity);
    }

    [Fact]
    public async Task Margin_account_accepts_orders_up_to_its_buying_power_and_refuses_beyond()
    {
        var broker = Open(s => s with { MarginMultiplier = 2m });
        await Publish(broker, Quote(Aapl, 100m, Monday(14, 31)));

        await Buy(broker, "buy-1", Aapl, 1_990); // 199099.5 of 200000
        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => Buy(broker, "buy-2", Aapl, 10));

        Assert.Equal(PaperReasonCodes.InsufficientBuyingPower, error.ReasonCode);
        Assert.Equal(900.5m, (await broker.GetAccountAsync()).BuyingPower);
    }

    [Fact]
    public async Task Margin_buying_power_falls_with_gross_exposure_after_a_fill()
    {
        var broker = Open(s => s with { SlippageBps = 0, CommissionBps = 0 });
        await Buy(broker, "buy-1", Aapl, 1_000);
        await Publish(broker, Quote(Aapl, 100m, Monday(14, 40)));

        var account = await broker.GetAccountAsync();

        Assert.Equal((0m, 100_000m, 100_000m), (account.Cash, account.Equity, account.BuyingPower)); // 2 × 100000 − 100000
    }

    [Fact]
    public async Task Margin_account_may_short_a_shortable_asset()
    {
        var broker = Open();
        await Sell(broker, "short-1", Aapl, 10);

        await Publish(broker, Quote(Aapl, 100m, Monday(14, 40)));

        var position = Assert.Single(await broker.GetPositionsAsync());
        Assert.Equal(-10m, position.Quantity);
    }

    [Fact]
    public async Task Margin_account_refuses_to_short_an_asset_listed_as_not_shortable()
    {
        var broker = Open(s => s with { NotShortable = [Msft] });

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => Sell(broker, "short-1", Msft, 10));

        Assert.Equal(PaperReasonCodes.NotShortable, error.ReasonCode);
        Assert.Contains("NASDAQ:MSFT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_symbol_is_refused_naming_it_when_an_asset_list_is_configured()
    {
        var broker = Open(s => s with { Assets = [Aapl] });

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => Buy(broker, "buy-1", Msft, 1));

        Assert.Equal(PaperReasonCodes.UnknownSymbol, error.ReasonCode);
        Assert.Contains("NASDAQ:MSFT", error.Message, StringComparison.Ordinal);
        Assert.Null(await broker.GetAssetAsync(Msft));
        Assert.NotNull(await broker.GetAssetAsync(Aapl));
    }

    [Fact]
    public async Task Without_an_asset_list_every_symbol_is_tradable_and_shortable()
    {
        var broker = Open();

        var asset = await broker.GetAssetAsync(Msft);

        Assert.Equal((true, true), (asset!.Tradable, asset.Shortable));
    }

    [Fact]
    public async Task Positions_are_valued_at_the_last_quote()
    {
        var broker = Open(s => s with { SlippageBps = 0, CommissionBps = 0 });
        await Buy(broker, "buy-1", Aapl, 10);
        await Publish(broker, Quote(Aapl, 100m, Monday(14, 40)));
        await Publish(broker, Quote(Aapl, 110m, Monday(15, 0)));

        var position = Assert.Single(await broker.GetPositionsAsync());

        Assert.Equal((10m, 100m, 1_100m, 110m, 100m), (position.Quantity, position.AverageEntryPrice, position.MarketValue, position.CurrentPrice, position.UnrealizedPnl));
        Assert.Equal(100_100m, (await broker.GetAccountAsync()).Equity);
    }

    [Fact]
    public async Task Last_equity_is_the_equity_at_the_end_of_the_previous_session()
    {
        var broker = Open(s => s with { SlippageBps = 0, CommissionBps = 0 });
        await Buy(broker, "buy-1", Aapl, 10);
        await Publish(broker, Quote(Aapl, 100m, Monday(14, 40)), Quote(Aapl, 120m, Monday(21, 0)));

        await Publish(broker, Quote(Aapl, 130m, Tuesday(14, 30)));

        var account = await broker.GetAccountAsync();
        Assert.Equal((100_300m, 100_200m), (account.Equity, account.LastEquity));
    }
}
