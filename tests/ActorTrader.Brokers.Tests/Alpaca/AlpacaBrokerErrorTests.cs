using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Alpaca;
using ActorTrader.Brokers.Tests.Alpaca.Fake;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.TestKit.Time;

namespace ActorTrader.Brokers.Tests.Alpaca;

public sealed class AlpacaBrokerErrorTests : IAsyncLifetime
{
    private static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");
    private AlpacaHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AlpacaHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Second_submit_with_the_same_client_order_id_is_refused_as_a_duplicate_and_creates_nothing()
    {
        var broker = _harness.Broker();
        await broker.SubmitOrderAsync(OrderRequest.Market("c-dup", Aapl, OrderSide.Buy, 1m));

        var error = await Assert.ThrowsAsync<BrokerDuplicateClientOrderIdException>(() =>
            broker.SubmitOrderAsync(OrderRequest.Market("c-dup", Aapl, OrderSide.Buy, 1m)));

        Assert.Equal(("c-dup", true, (int?)422), (error.ClientOrderId, error.IsDefinite, error.StatusCode));
        Assert.Equal(2, _harness.Server.Count("POST", "/v2/orders"));
        Assert.Equal(1, _harness.Server.Book.Count);
    }

    [Fact]
    public async Task Insufficient_buying_power_is_a_definite_rejection_with_its_reason()
    {
        _harness.Server.Inject("POST", "/v2/orders", FakeFault.Status(403, """{"code":40310000,"message":"insufficient buying power"}"""));

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() =>
            _harness.Broker().SubmitOrderAsync(OrderRequest.Market("c-big", Aapl, OrderSide.Buy, 1_000_000m)));

        Assert.Equal((AlpacaReasonCodes.InsufficientBuyingPower, (int?)403, true), (error.ReasonCode, error.StatusCode, error.IsDefinite));
        Assert.Contains("order c-big", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("qty must be > 0", AlpacaReasonCodes.InvalidOrder)]
    [InlineData("asset \"ZZZZ\" not found", AlpacaReasonCodes.UnknownSymbol)]
    [InlineData("asset AAPL is not tradable", AlpacaReasonCodes.NotTradable)]
    [InlineData("account is not allowed to short", AlpacaReasonCodes.NotShortable)]
    public async Task Invalid_order_is_a_definite_rejection_with_a_reason_read_from_alpacas_message(string message, string reason)
    {
        _harness.Server.Inject("POST", "/v2/orders", FakeFault.Status(422, $$"""{"code":40010001,"message":"{{message.Replace("\"", "\\\"", StringComparison.Ordinal)}}"}"""));

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() =>
            _harness.Broker().SubmitOrderAsync(OrderRequest.Market("c-bad", Aapl, OrderSide.Buy, 1m)));

        Assert.Equal((reason, (int?)422), (error.ReasonCode, error.StatusCode));
    }

    [Fact]
    public async Task Cancel_of_an_unknown_order_is_rejected_as_order_not_found()
    {
        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => _harness.Broker().CancelOrderAsync("no-such-order"));

        Assert.Equal((AlpacaReasonCodes.OrderNotFound, (int?)404), (error.ReasonCode, error.StatusCode));
        Assert.Contains("no-such-order", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_of_a_finished_order_is_rejected_as_not_cancelable()
    {
        var broker = _harness.Broker();
        var order = await broker.SubmitOrderAsync(OrderRequest.Market("c-done", Aapl, OrderSide.Buy, 1m));
        _harness.Server.Book.Fill(order.BrokerOrderId, 1m, 180m);

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => broker.CancelOrderAsync(order.BrokerOrderId));

        Assert.Equal(AlpacaReasonCodes.OrderNotCancelable, error.ReasonCode);
    }

    [Fact]
    public async Task Close_of_a_position_that_does_not_exist_is_rejected_as_no_position()
    {
        _harness.Server.Inject("DELETE", "/v2/positions/MSFT", FakeFault.Status(404, """{"code":40410000,"message":"position not found: MSFT"}"""));

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => _harness.Broker().ClosePositionAsync(Symbol.Parse("NASDAQ:MSFT")));

        Assert.Equal(AlpacaReasonCodes.NoPosition, error.ReasonCode);
    }

    [Fact]
    public async Task Wrong_credentials_are_rejected_as_unauthorized()
    {
        var broker = _harness.Broker(_harness.Options with { SecretKey = "not-the-secret" });

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => broker.GetAccountAsync());

        Assert.Equal((AlpacaReasonCodes.Unauthorized, (int?)401), (error.ReasonCode, error.StatusCode));
        Assert.Contains("APCA_API_SECRET_KEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_quoted_by_an_error_answer_reaches_neither_the_exception_nor_the_log()
    {
        var sink = new CapturingSink();
        var echo = $$"""{"code":40310000,"message":"key {{FakeAlpacaServer.KeyId}} with secret {{FakeAlpacaServer.Secret}} is not allowed"}""";
        _harness.Server.Inject("GET", "/v2/account", FakeFault.Status(500, echo), FakeFault.Status(403, echo));
        var broker = _harness.Broker(_harness.Options with { RetryBaseDelay = TimeSpan.Zero }, new AutoAdvancingTimeProvider(), sink.Logger());

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => broker.GetAccountAsync());

        Assert.Contains("with secret *** is not allowed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeAlpacaServer.Secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeAlpacaServer.KeyId, error.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(sink.Lines);
        Assert.DoesNotContain(FakeAlpacaServer.Secret, sink.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeAlpacaServer.KeyId, sink.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_reaches_neither_the_log_nor_errors_when_the_stream_is_refused()
    {
        var sink = new CapturingSink();
        _harness.Server.Stream.Authorizes = false;
        var broker = _harness.Broker(logger: sink.Logger());

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => broker.ConnectAsync());

        Assert.DoesNotContain(FakeAlpacaServer.Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("refused the credentials", sink.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeAlpacaServer.Secret, sink.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_answer_names_the_call_and_the_route()
    {
        _harness.Server.Inject("GET", "/v2/account", FakeFault.Status(200, "<html>maintenance</html>"));

        var error = await Assert.ThrowsAsync<BrokerException>(() => _harness.Broker().GetAccountAsync());

        Assert.Contains("the account", error.Message, StringComparison.Ordinal);
        Assert.Contains("GET http://127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.Contains("/v2/account", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_whose_accepted_answer_cannot_be_read_is_not_definite()
    {
        _harness.Server.Inject("POST", "/v2/orders", FakeFault.Status(200, "{\"id\": 42}"));

        var error = await Assert.ThrowsAsync<BrokerException>(() =>
            _harness.Broker().SubmitOrderAsync(OrderRequest.Market("c-garbled", Aapl, OrderSide.Buy, 1m)));

        Assert.False(error.IsDefinite);
        Assert.Contains("by_client_order_id?client_order_id=c-garbled", error.Message, StringComparison.Ordinal);
    }
}
