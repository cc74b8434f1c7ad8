using System.Text.Json;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Tests.Alpaca.Fake;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Tests.Alpaca;

public sealed class AlpacaBrokerRestTests : IAsyncLifetime
{
    private static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");
    private AlpacaHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AlpacaHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Every_call_carries_the_key_pair_headers()
    {
        var broker = _harness.Broker();

        await broker.GetAccountAsync();
        await broker.GetPositionsAsync();
        await broker.SubmitOrderAsync(OrderRequest.Market("c-1", Aapl, OrderSide.Buy, 1m));
        await broker.GetOrderByClientIdAsync("c-1");

        Assert.Equal(4, _harness.Server.Requests.Count);
        Assert.All(_harness.Server.Requests, r =>
        {
            Assert.Equal(FakeAlpacaServer.KeyId, r.Header("APCA-API-KEY-ID"));
            Assert.Equal(FakeAlpacaServer.Secret, r.Header("APCA-API-SECRET-KEY"));
        });
    }

    [Fact]
    public async Task Account_comes_from_the_account_route()
    {
        var account = await _harness.Broker().GetAccountAsync();

        Assert.Equal(("010203ABCD", AccountKind.Margin, 103820.56m), (account.AccountId, account.Kind, account.Equity));
        Assert.Equal(1, _harness.Server.Count("GET", "/v2/account"));
    }

    [Fact]
    public async Task Clock_comes_back_in_utc()
    {
        var clock = await _harness.Broker().GetClockAsync();

        Assert.Equal(new DateTimeOffset(2024, 3, 4, 21, 0, 0, TimeSpan.Zero), clock.NextClose);
    }

    [Fact]
    public async Task Calendar_asks_for_the_dates_and_keeps_only_sessions_within_them()
    {
        var sessions = await _harness.Broker().GetCalendarAsync(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31));

        Assert.Equal([new DateOnly(2024, 3, 8), new DateOnly(2024, 3, 11)], sessions.Select(s => s.Date));
        var request = Assert.Single(_harness.Server.Requests);
        Assert.Equal(("2024-03-01", "2024-03-31"), (request.QueryValue("start"), request.QueryValue("end")));
    }

    [Fact]
    public async Task Active_equity_and_crypto_assets_come_back_under_their_symbols()
    {
        _harness.Server.AssetsJson = $"[{AlpacaMocks.Read(AlpacaMocks.Asset)}, {CryptoAsset}]";

        var assets = await _harness.Broker().GetAssetsAsync();

        Assert.Equal(
            [
                new BrokerAsset(Symbol.Parse("CRYPTO:BTC/USD"), "crypto", Tradable: true, Shortable: false, EasyToBorrow: false, Fractionable: true),
                new BrokerAsset(Aapl, "us_equity", Tradable: true, Shortable: true, EasyToBorrow: true, Fractionable: true),
            ],
            assets);
        Assert.Equal(["active|", "active|crypto"], _harness.Server.Requests.Select(r => $"{r.QueryValue("status")}|{r.QueryValue("asset_class")}"));
    }

    [Fact]
    public async Task One_asset_comes_back_under_the_symbol_asked_for()
    {
        var asset = await _harness.Broker().GetAssetAsync(Symbol.Parse("NYSE:SPY"));

        Assert.Equal(Symbol.Parse("NYSE:SPY"), asset!.Symbol);
    }

    [Fact]
    public async Task Asset_alpaca_does_not_know_is_null()
    {
        Assert.Null(await _harness.Broker().GetAssetAsync(Symbol.Parse("NYSE:NOPE")));
    }

    [Fact]
    public async Task Positions_come_back_under_their_exchange_symbols()
    {
        var position = Assert.Single(await _harness.Broker().GetPositionsAsync());

        Assert.Equal(new BrokerPosition(Aapl, 5m, 100m, 600m, 120m, 100m), position);
    }

    [Fact]
    public async Task Submit_sends_the_order_fields_as_alpaca_names_them()
    {
        await _harness.Broker().SubmitOrderAsync(OrderRequest.Limit("c-limit", Aapl, OrderSide.Sell, 2.5m, 187.25m, TimeInForce.Gtc));

        var post = _harness.Server.Requests.Single(r => r.Is("POST", "/v2/orders"));
        using var body = JsonDocument.Parse(post.Body);
        var fields = body.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(new Dictionary<string, string?>
        {
            ["symbol"] = "AAPL",
            ["qty"] = "2.5",
            ["side"] = "sell",
            ["type"] = "limit",
            ["time_in_force"] = "gtc",
            ["limit_price"] = "187.25",
            ["client_order_id"] = "c-limit",
        }, fields);
    }

    [Fact]
    public async Task Submitted_order_comes_back_under_the_requested_symbol()
    {
        var spy = Symbol.Parse("NYSE:SPY");

        var order = await _harness.Broker().SubmitOrderAsync(OrderRequest.Market("c-spy", spy, OrderSide.Buy, 3m));

        Assert.Equal((spy, "c-spy", 3m, 0m, OrderStatus.Accepted), (order.Symbol, order.ClientOrderId, order.Quantity, order.FilledQuantity, order.Status));
        Assert.Equal(_harness.Server.Book.ByClientOrderId("c-spy")!.Id, order.BrokerOrderId);
    }

    [Fact]
    public async Task Crypto_order_is_sent_with_its_slash_and_comes_back_as_a_crypto_symbol()
    {
        var broker = _harness.Broker();
        var btc = Symbol.Parse("CRYPTO:BTC/USD");

        await broker.SubmitOrderAsync(OrderRequest.Market("c-btc", btc, OrderSide.Buy, 0.01m, TimeInForce.Gtc));
        var order = await _harness.Broker().GetOrderByClientIdAsync("c-btc");

        Assert.Contains("\"symbol\":\"BTC/USD\"", _harness.Server.Requests.Single(r => r.Is("POST", "/v2/orders")).Body, StringComparison.Ordinal);
        Assert.Equal(btc, order!.Symbol);
    }

    [Fact]
    public async Task Order_is_found_by_client_order_id()
    {
        var broker = _harness.Broker();
        var submitted = await broker.SubmitOrderAsync(OrderRequest.Market("c-find", Aapl, OrderSide.Buy, 1m));

        var found = await broker.GetOrderByClientIdAsync("c-find");

        Assert.Equal(submitted, found);
    }

    [Fact]
    public async Task Order_with_an_unknown_client_order_id_is_null()
    {
        Assert.Null(await _harness.Broker().GetOrderByClientIdAsync("never-sent"));
    }

    [Fact]
    public async Task Order_with_an_unknown_id_is_null()
    {
        Assert.Null(await _harness.Broker().GetOrderAsync("00000000-0000-0000-0000-000000000000"));
    }

    [Fact]
    public async Task Order_alpaca_names_by_an_odd_ticker_is_resolved_through_its_asset_id()
    {
        const string id = "61e69015-8549-4bfd-b9c3-01e75843f47d";
        _harness.Server.Inject("GET", "/v2/orders/" + id, FakeFault.Status(200, AlpacaMocks.Read(AlpacaMocks.OrderById)));

        var order = await _harness.Broker().GetOrderAsync(id);

        Assert.Equal(Aapl, order!.Symbol);
        Assert.Equal(1, _harness.Server.Count("GET", "/v2/assets/" + AlpacaMocks.AaplAssetId));
    }

    [Fact]
    public async Task Orders_are_listed_oldest_first_with_the_query_asked_for()
    {
        var broker = _harness.Broker();
        foreach (var id in new[] { "c-a", "c-b", "c-c" }) await broker.SubmitOrderAsync(OrderRequest.Market(id, Aapl, OrderSide.Buy, 1m));

        var orders = await broker.GetOrdersAsync(new OrderQuery(OrderQueryStatus.Open, Limit: 2));

        Assert.Equal(["c-a", "c-b"], orders.Select(o => o.ClientOrderId));
        var list = _harness.Server.Requests.Single(r => r.Is("GET", "/v2/orders"));
        Assert.Equal(("open", "2", "asc"), (list.QueryValue("status"), list.QueryValue("limit"), list.QueryValue("direction")));
    }

    [Fact]
    public async Task Replace_returns_the_new_order_that_replaces_the_old_one()
    {
        var broker = _harness.Broker();
        var old = await broker.SubmitOrderAsync(OrderRequest.Limit("c-old", Aapl, OrderSide.Buy, 5m, 150m));

        var replacement = await broker.ReplaceOrderAsync(old.BrokerOrderId, new OrderReplacement(Quantity: 7m, LimitPrice: 151m, ClientOrderId: "c-new"));

        Assert.Equal((old.BrokerOrderId, "c-new", 7m, 151m, Aapl), (replacement.Replaces, replacement.ClientOrderId, replacement.Quantity, replacement.LimitPrice, replacement.Symbol));
        Assert.Equal("""{"qty":"7","limit_price":"151","client_order_id":"c-new"}""", _harness.Server.Requests.Single(r => r.Method == "PATCH").Body);
    }

    [Fact]
    public async Task Cancel_asks_alpaca_to_cancel_the_order()
    {
        var broker = _harness.Broker();
        var order = await broker.SubmitOrderAsync(OrderRequest.Limit("c-cancel", Aapl, OrderSide.Buy, 5m, 150m));

        await broker.CancelOrderAsync(order.BrokerOrderId);

        Assert.Equal(OrderStatus.Canceled, (await broker.GetOrderAsync(order.BrokerOrderId))!.Status);
    }

    [Fact]
    public async Task Cancel_all_accepts_orders_that_finished_meanwhile()
    {
        _harness.Server.Inject("DELETE", "/v2/orders", FakeFault.Status(207, AlpacaMocks.Read(AlpacaMocks.CancelOrders)));

        await _harness.Broker().CancelAllOrdersAsync();

        Assert.Equal(1, _harness.Server.Count("DELETE", "/v2/orders"));
    }

    [Fact]
    public async Task Cancel_all_that_alpaca_partly_refuses_names_the_refused_orders()
    {
        _harness.Server.Inject("DELETE", "/v2/orders",
            FakeFault.Status(207, """[{"id":"o-1","status":200},{"id":"o-2","status":500,"body":{"code":50010000,"message":"internal error"}}]"""));

        var error = await Assert.ThrowsAsync<BrokerException>(() => _harness.Broker().CancelAllOrdersAsync());

        Assert.False(error.IsDefinite);
        Assert.Contains("o-2: HTTP 500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_position_returns_the_closing_order_under_the_symbol_asked_for()
    {
        var order = await _harness.Broker().ClosePositionAsync(Aapl, 2m);

        Assert.Equal(Aapl, order.Symbol);
        var request = Assert.Single(_harness.Server.Requests);
        Assert.Equal(("DELETE", "/v2/positions/AAPL", "2"), (request.Method, request.Path, request.QueryValue("qty")));
    }

    [Fact]
    public async Task Close_all_reports_the_closes_alpaca_refused_and_the_orders_it_created()
    {
        var error = await Assert.ThrowsAsync<BrokerException>(() => _harness.Broker().CloseAllPositionsAsync());

        Assert.False(error.IsDefinite);
        Assert.Contains("SQQQ: HTTP 403", error.Message, StringComparison.Ordinal);
        Assert.Contains("NYC: HTTP 403 \"account is not allowed to short\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("CRYPTO:BTC/USD", error.Message, StringComparison.Ordinal);
        Assert.Equal("true", Assert.Single(_harness.Server.Requests).QueryValue("cancel_orders"));
    }

    [Fact]
    public async Task Close_all_that_alpaca_fully_accepts_returns_the_closing_orders()
    {
        var accepted = "[" + JsonDocument.Parse(AlpacaMocks.Read(AlpacaMocks.CloseAllPositions)).RootElement[0].GetRawText() + "]";
        _harness.Server.Inject("DELETE", "/v2/positions", FakeFault.Status(207, accepted));

        var order = Assert.Single(await _harness.Broker().CloseAllPositionsAsync());

        Assert.Equal((Symbol.Parse("CRYPTO:BTC/USD"), OrderSide.Sell, 0.0283m), (order.Symbol, order.Side, order.Quantity));
    }

    private const string CryptoAsset = """
        {"id":"276e2673-764b-4ab6-a611-caf665ca6340","class":"crypto","exchange":"CRYPTO","symbol":"BTC/USD","name":"Bitcoin",
         "status":"active","tradable":true,"marginable":false,"shortable":false,"easy_to_borrow":false,"fractionable":true,
         "min_order_size":"0.0001","min_trade_increment":"0.000000001","price_increment":"1"}
        """;

    [Fact]
    public void Paper_and_live_accounts_have_different_names()
    {
        Assert.Equal(("alpaca-paper", false), (_harness.Broker().Name, _harness.Broker().IsLive));
        var live = _harness.Broker(_harness.Options with { IsLive = true });
        Assert.Equal(("alpaca-live", true), (live.Name, live.IsLive));
    }
}
