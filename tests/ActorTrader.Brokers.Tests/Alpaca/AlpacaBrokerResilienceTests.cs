using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Alpaca;
using ActorTrader.Brokers.Tests.Alpaca.Fake;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.TestKit.Time;

namespace ActorTrader.Brokers.Tests.Alpaca;

public sealed class AlpacaBrokerResilienceTests : IAsyncLifetime
{
    private static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(500);
    private readonly AutoAdvancingTimeProvider _clock = new();
    private AlpacaHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AlpacaHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Rate_limited_read_waits_as_long_as_retry_after_says_and_then_succeeds()
    {
        _harness.Server.Inject("GET", "/v2/account", FakeFault.Status(429, """{"message":"too many requests"}""", retryAfterSeconds: 7));

        await _harness.Broker(clock: _clock).GetAccountAsync();

        Assert.Equal([TimeSpan.FromSeconds(7)], _clock.Waits);
        Assert.Equal(2, _harness.Server.Count("GET", "/v2/account"));
    }

    [Fact]
    public async Task Read_that_meets_server_errors_is_retried_after_a_backoff_until_it_succeeds()
    {
        _harness.Server.Inject("GET", "/v2/positions", FakeFault.Status(500), FakeFault.Status(503));

        await _harness.Broker(clock: _clock).GetPositionsAsync();

        Assert.Equal(3, _harness.Server.Count("GET", "/v2/positions"));
        Assert.Equal(2, _clock.Waits.Count);
        Assert.All(_clock.Waits, wait => Assert.InRange(wait, TimeSpan.FromTicks(1), _harness.Options.MaxRetryDelay));
    }

    [Fact]
    public async Task Read_whose_connection_drops_is_retried()
    {
        _harness.Server.Inject("GET", "/v2/clock", FakeFault.Drop());

        await _harness.Broker(clock: _clock).GetClockAsync();

        Assert.Equal(2, _harness.Server.Count("GET", "/v2/clock"));
    }

    [Fact]
    public async Task Read_that_outlasts_the_request_timeout_is_retried()
    {
        _harness.Server.Inject("GET", "/v2/account", FakeFault.Hang());

        await _harness.Broker(_harness.Options with { RequestTimeout = ShortTimeout }, _clock).GetAccountAsync();

        Assert.Equal(2, _harness.Server.Count("GET", "/v2/account"));
    }

    [Fact]
    public async Task Read_that_keeps_failing_is_unavailable_after_the_configured_retries()
    {
        _harness.Server.Inject("GET", "/v2/account", Enumerable.Repeat(FakeFault.Status(502), 10).ToArray());

        var error = await Assert.ThrowsAsync<BrokerUnavailableException>(() => _harness.Broker(_harness.Options with { MaxRetries = 2 }, _clock).GetAccountAsync());

        Assert.Equal((int?)502, error.StatusCode);
        Assert.Equal(3, _harness.Server.Count("GET", "/v2/account"));
        Assert.Contains("all 3 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_is_retried_because_asking_twice_is_asking_once()
    {
        var broker = _harness.Broker(clock: _clock);
        await broker.ConnectAsync();
        var order = await broker.SubmitOrderAsync(OrderRequest.Limit("c-1", Aapl, OrderSide.Buy, 1m, 100m));
        _harness.Server.Inject("DELETE", "/v2/orders/" + order.BrokerOrderId, FakeFault.Status(500));

        await broker.CancelOrderAsync(order.BrokerOrderId);

        Assert.Equal(2, _harness.Server.Count("DELETE", "/v2/orders/" + order.BrokerOrderId));
    }

    [Fact]
    public async Task Submit_that_meets_a_server_error_is_ambiguous_and_sent_only_once()
    {
        var broker = await ConnectedBrokerAsync();
        _harness.Server.Inject("POST", "/v2/orders", FakeFault.Status(503));

        var error = await Assert.ThrowsAsync<BrokerTimeoutException>(() => broker.SubmitOrderAsync(OrderRequest.Market("c-5xx", Aapl, OrderSide.Buy, 1m)));

        Assert.False(error.IsDefinite);
        Assert.Contains("by_client_order_id?client_order_id=c-5xx", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _harness.Server.Count("POST", "/v2/orders"));
    }

    [Fact]
    public async Task Submit_that_outlasts_the_timeout_is_ambiguous_sent_once_and_found_by_its_client_order_id()
    {
        var broker = await ConnectedBrokerAsync(_harness.Options with { RequestTimeout = ShortTimeout });
        _harness.Server.Inject("POST", "/v2/orders", FakeFault.Hang(afterHandling: true));

        await Assert.ThrowsAsync<BrokerTimeoutException>(() => broker.SubmitOrderAsync(OrderRequest.Market("c-slow", Aapl, OrderSide.Buy, 1m)));
        var resolved = await broker.GetOrderByClientIdAsync("c-slow");

        Assert.Equal(1, _harness.Server.Count("POST", "/v2/orders"));
        Assert.Equal(_harness.Server.Book.ByClientOrderId("c-slow")!.Id, resolved!.BrokerOrderId);
    }

    [Fact]
    public async Task Submit_whose_connection_drops_after_sending_is_ambiguous_and_sent_only_once()
    {
        var broker = await ConnectedBrokerAsync();
        _harness.Server.Inject("POST", "/v2/orders", FakeFault.Drop(afterHandling: true));

        var error = await Assert.ThrowsAsync<BrokerTimeoutException>(() => broker.SubmitOrderAsync(OrderRequest.Market("c-drop", Aapl, OrderSide.Buy, 1m)));

        Assert.False(error.IsDefinite);
        Assert.Equal(1, _harness.Server.Count("POST", "/v2/orders"));
        Assert.Equal(1, _harness.Server.Book.Count);
    }

    [Fact]
    public async Task Submit_that_is_rate_limited_is_refused_definitely_and_not_retried()
    {
        var broker = await ConnectedBrokerAsync();
        _harness.Server.Inject("POST", "/v2/orders", FakeFault.Status(429, "", retryAfterSeconds: 1));

        var error = await Assert.ThrowsAsync<BrokerUnavailableException>(() => broker.SubmitOrderAsync(OrderRequest.Market("c-429", Aapl, OrderSide.Buy, 1m)));

        Assert.Equal(((int?)429, true), (error.StatusCode, error.IsDefinite));
        Assert.Equal(1, _harness.Server.Count("POST", "/v2/orders"));
    }

    [Fact]
    public async Task Replace_that_meets_a_server_error_is_ambiguous_and_sent_only_once()
    {
        var broker = await ConnectedBrokerAsync();
        var order = await broker.SubmitOrderAsync(OrderRequest.Limit("c-r", Aapl, OrderSide.Buy, 1m, 100m));
        _harness.Server.Inject("PATCH", "/v2/orders/" + order.BrokerOrderId, FakeFault.Status(500));

        await Assert.ThrowsAsync<BrokerTimeoutException>(() => broker.ReplaceOrderAsync(order.BrokerOrderId, new OrderReplacement(LimitPrice: 101m)));

        Assert.Equal(1, _harness.Server.Count("PATCH", "/v2/orders/" + order.BrokerOrderId));
    }

    [Fact]
    public async Task Close_of_a_position_that_meets_a_server_error_is_ambiguous_and_sent_only_once()
    {
        _harness.Server.Inject("DELETE", "/v2/positions/AAPL", FakeFault.Status(500));

        await Assert.ThrowsAsync<BrokerTimeoutException>(() => _harness.Broker(clock: _clock).ClosePositionAsync(Aapl));

        Assert.Equal(1, _harness.Server.Count("DELETE", "/v2/positions/AAPL"));
    }

    [Fact]
    public async Task Circuit_opens_after_consecutive_failures_and_then_fails_fast_without_calling_alpaca()
    {
        var clock = new ManualTimeProvider();
        var broker = _harness.Broker(_harness.Options with { MaxRetries = 0, CircuitBreakerFailures = 3 }, clock);
        _harness.Server.Inject("GET", "/v2/account", FakeFault.Status(500), FakeFault.Status(500), FakeFault.Status(500));
        for (var i = 0; i < 3; i++) await Assert.ThrowsAsync<BrokerUnavailableException>(() => broker.GetAccountAsync());

        var error = await Assert.ThrowsAsync<BrokerUnavailableException>(() => broker.GetAccountAsync());

        Assert.Equal(3, _harness.Server.Count("GET", "/v2/account"));
        Assert.Contains("paused after repeated failures", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_circuit_lets_a_trial_call_through_after_the_break_and_closes_when_it_succeeds()
    {
        var clock = new ManualTimeProvider();
        var broker = _harness.Broker(_harness.Options with { MaxRetries = 0, CircuitBreakerFailures = 2, CircuitBreakerBreak = TimeSpan.FromSeconds(30) }, clock);
        _harness.Server.Inject("GET", "/v2/account", FakeFault.Status(500), FakeFault.Status(500));
        for (var i = 0; i < 2; i++) await Assert.ThrowsAsync<BrokerUnavailableException>(() => broker.GetAccountAsync());
        await Assert.ThrowsAsync<BrokerUnavailableException>(() => broker.GetAccountAsync());

        clock.Advance(TimeSpan.FromSeconds(30));
        await broker.GetAccountAsync();
        await broker.GetAccountAsync();

        Assert.Equal(4, _harness.Server.Count("GET", "/v2/account"));
    }

    [Fact]
    public async Task Client_errors_do_not_open_the_circuit()
    {
        var broker = _harness.Broker(_harness.Options with { MaxRetries = 0, CircuitBreakerFailures = 2 }, new ManualTimeProvider());
        for (var i = 0; i < 3; i++) await broker.GetAssetAsync(Symbol.Parse("NYSE:NOPE"));

        await broker.GetAccountAsync();

        Assert.Equal(1, _harness.Server.Count("GET", "/v2/account"));
    }

    [Fact]
    public async Task Rate_limiter_holds_a_request_beyond_the_per_minute_budget_until_its_slot_comes()
    {
        var clock = new ManualTimeProvider();
        var broker = _harness.Broker(_harness.Options with { RequestsPerMinute = 2 }, clock);
        await broker.GetClockAsync();
        await broker.GetClockAsync();

        var third = broker.GetClockAsync();
        await Guard.Within(clock.WaitForActiveTimerAsync());
        Assert.Equal(2, _harness.Server.Count("GET", "/v2/clock"));
        clock.Advance(TimeSpan.FromSeconds(30));
        await Guard.Within(third);

        Assert.Equal(3, _harness.Server.Count("GET", "/v2/clock"));
    }

    private async Task<IBroker> ConnectedBrokerAsync(AlpacaBrokerOptions? options = null)
    {
        var broker = _harness.Broker(options, _clock);
        // Connected first: on a clock that jumps ahead, a submit waiting for the stream would time out at once.
        await broker.ConnectAsync();
        return broker;
    }
}
