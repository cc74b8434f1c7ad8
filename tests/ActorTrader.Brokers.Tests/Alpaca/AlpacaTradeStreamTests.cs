using System.Text.Json;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Alpaca;
using ActorTrader.Brokers.Tests.Alpaca.Fake;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Tests.Alpaca;

public sealed class AlpacaTradeStreamTests : IAsyncLifetime
{
    private static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");
    private AlpacaHarness _harness = null!;

    private FakeAlpacaServer Server => _harness.Server;

    public async Task InitializeAsync() => _harness = await AlpacaHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Connect_authenticates_with_the_key_pair_then_listens_to_trade_updates()
    {
        await Guard.Within(_harness.Broker().ConnectAsync());

        Assert.Equal(["stream-connected", "stream-authorized", "stream-listening"], Server.Events);
        using var authenticate = JsonDocument.Parse(Assert.Single(Server.Stream.AuthenticateMessages));
        Assert.Equal("authenticate", authenticate.RootElement.GetProperty("action").GetString());
        Assert.Equal(FakeAlpacaServer.KeyId, authenticate.RootElement.GetProperty("data").GetProperty("key_id").GetString());
        Assert.Equal(FakeAlpacaServer.Secret, authenticate.RootElement.GetProperty("data").GetProperty("secret_key").GetString());
    }

    [Fact]
    public async Task Refused_credentials_fail_connect_with_an_error_that_names_the_fix()
    {
        Server.Stream.Authorizes = false;

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(() => Guard.Within(_harness.Broker().ConnectAsync()));

        Assert.Equal(AlpacaReasonCodes.Unauthorized, error.ReasonCode);
        Assert.Contains("refused the credentials", error.Message, StringComparison.Ordinal);
        Assert.Contains("APCA_API_KEY_ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_credentials_end_the_trade_updates_with_that_error()
    {
        Server.Stream.Authorizes = false;
        await using var updates = new UpdateCollector(_harness.Broker());

        var error = await Assert.ThrowsAsync<BrokerRejectedException>(updates.NextAsync);

        Assert.Equal(AlpacaReasonCodes.Unauthorized, error.ReasonCode);
    }

    [Fact]
    public async Task Submit_after_refused_credentials_fails_unsent()
    {
        Server.Stream.Authorizes = false;
        var broker = _harness.Broker();

        var error = await Assert.ThrowsAsync<BrokerUnavailableException>(() =>
            Guard.Within(broker.SubmitOrderAsync(OrderRequest.Market("c-1", Aapl, OrderSide.Buy, 1m))));

        Assert.Contains("NOT sent", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Server.Count("POST", "/v2/orders"));
    }

    [Fact]
    public async Task Fill_pushed_on_the_stream_arrives_with_its_price_quantity_position_and_execution_id()
    {
        var broker = _harness.Broker();
        await using var updates = new UpdateCollector(broker);
        var order = await broker.SubmitOrderAsync(OrderRequest.Market("c-1", Aapl, OrderSide.Buy, 10m));

        await Server.Stream.PushAsync(Server.Book.Fill(order.BrokerOrderId, 10m, 187.5m));
        var fill = await updates.NextAsync();

        Assert.Equal((TradeUpdateEvent.Fill, 187.5m, 10m, 10m), (fill.Event, fill.Price, fill.Quantity, fill.PositionQuantity));
        Assert.StartsWith("e0000000-", fill.ExecutionId, StringComparison.Ordinal);
        Assert.Equal((order.BrokerOrderId, Aapl, OrderStatus.Filled, 10m), (fill.Order.BrokerOrderId, fill.Order.Symbol, fill.Order.Status, fill.Order.FilledQuantity));
    }

    [Fact]
    public async Task Fill_pushed_as_a_binary_frame_arrives_like_a_text_one()
    {
        Server.Stream.Binary = true;
        var broker = _harness.Broker();
        await using var updates = new UpdateCollector(broker);
        var order = await broker.SubmitOrderAsync(OrderRequest.Market("c-1", Aapl, OrderSide.Buy, 10m));

        await Server.Stream.PushAsync(Server.Book.Fill(order.BrokerOrderId, 10m, 187.5m));
        var fill = await updates.NextAsync();

        Assert.Equal((TradeUpdateEvent.Fill, 10m, 187.5m), (fill.Event, fill.Quantity, fill.Price));
    }

    [Fact]
    public async Task Partial_fills_and_the_final_fill_arrive_in_order_with_their_own_quantities()
    {
        var broker = _harness.Broker();
        await using var updates = new UpdateCollector(broker);
        var order = await broker.SubmitOrderAsync(OrderRequest.Market("c-1", Aapl, OrderSide.Buy, 10m));

        await Server.Stream.PushAsync(Server.Book.Event(order.BrokerOrderId, "new"));
        await Server.Stream.PushAsync(Server.Book.Fill(order.BrokerOrderId, 3m, 100m));
        await Server.Stream.PushAsync(Server.Book.Fill(order.BrokerOrderId, 7m, 101m));

        var received = new[] { await updates.NextAsync(), await updates.NextAsync(), await updates.NextAsync() };
        Assert.Equal(
            [(TradeUpdateEvent.New, null, 0m), (TradeUpdateEvent.PartialFill, 3m, 3m), (TradeUpdateEvent.Fill, 7m, 10m)],
            received.Select(u => (u.Event, u.Quantity, u.Order.FilledQuantity)));
    }

    [Fact]
    public async Task Rejection_pushed_on_the_stream_arrives_as_a_rejected_update()
    {
        var broker = _harness.Broker();
        await using var updates = new UpdateCollector(broker);
        var order = await broker.SubmitOrderAsync(OrderRequest.Market("c-1", Aapl, OrderSide.Buy, 10m));

        await Server.Stream.PushAsync(Server.Book.Reject(order.BrokerOrderId));
        var rejected = await updates.NextAsync();

        Assert.Equal((TradeUpdateEvent.Rejected, OrderStatus.Rejected), (rejected.Event, rejected.Order.Status));
    }

    [Fact]
    public async Task Unknown_event_is_skipped_and_later_updates_still_arrive()
    {
        var broker = _harness.Broker();
        await using var updates = new UpdateCollector(broker);
        var order = await broker.SubmitOrderAsync(OrderRequest.Market("c-1", Aapl, OrderSide.Buy, 10m));

        await Server.Stream.PushAsync(Server.Book.Event(order.BrokerOrderId, "held_for_review"));
        await Server.Stream.PushAsync(Server.Book.Event(order.BrokerOrderId, "canceled"));

        Assert.Equal(TradeUpdateEvent.Canceled, (await updates.NextAsync()).Event);
    }

    [Fact]
    public async Task Stream_reconnects_after_a_drop_and_delivers_later_updates()
    {
        var broker = _harness.Broker();
        await using var updates = new UpdateCollector(broker);
        var order = await broker.SubmitOrderAsync(OrderRequest.Market("c-1", Aapl, OrderSide.Buy, 10m));

        Server.Stream.DropAll();
        await Guard.Within(Server.WaitForEventAsync("stream-listening", 2));
        await Server.Stream.PushAsync(Server.Book.Event(order.BrokerOrderId, "canceled"));

        Assert.Equal(TradeUpdateEvent.Canceled, (await updates.NextAsync()).Event);
        Assert.Equal(2, Server.Stream.AuthenticateMessages.Count);
    }

    [Fact]
    public async Task Fill_made_while_the_stream_is_down_is_reported_by_polling_with_an_id_from_order_and_quantity()
    {
        var broker = _harness.Broker();
        await using var updates = new UpdateCollector(broker);
        var order = await broker.SubmitOrderAsync(OrderRequest.Market("c-1", Aapl, OrderSide.Buy, 10m));
        Server.Stream.Refuse = true;
        Server.Stream.DropAll();

        Server.Book.Fill(order.BrokerOrderId, 4m, 100m);
        var fill = await updates.NextAsync();

        Assert.Equal((TradeUpdateEvent.PartialFill, 4m, 100m, $"{order.BrokerOrderId}:4"), (fill.Event, fill.Quantity, fill.Price, fill.ExecutionId));
        var poll = Server.Requests.First(r => r.Is("GET", "/v2/orders"));
        Assert.Equal("all", poll.QueryValue("status"));
        Assert.True(DateTimeOffset.Parse(poll.QueryValue("after")!, System.Globalization.CultureInfo.InvariantCulture) < order.CreatedAt);
    }

    [Fact]
    public async Task Fills_around_an_outage_add_up_to_the_order_once_de_duplicated_by_execution_id()
    {
        var broker = _harness.Broker();
        await using var updates = new UpdateCollector(broker);
        var order = await broker.SubmitOrderAsync(OrderRequest.Market("c-1", Aapl, OrderSide.Buy, 10m));
        await Server.Stream.PushAsync(Server.Book.Fill(order.BrokerOrderId, 2m, 100m));
        Server.Stream.Refuse = true;
        Server.Stream.DropAll();
        Server.Book.Fill(order.BrokerOrderId, 3m, 100m);
        await Guard.Within(Server.WaitForEventAsync("GET /v2/orders"));

        Server.Stream.Refuse = false;
        await Guard.Within(Server.WaitForEventAsync("stream-listening", 2));
        await Server.Stream.PushAsync(Server.Book.Fill(order.BrokerOrderId, 5m, 100m));

        var byExecution = new Dictionary<string, decimal>();
        while (byExecution.Values.Sum() < 10m)
        {
            var fill = await updates.NextFillAsync();
            byExecution.TryAdd(fill.ExecutionId!, fill.Quantity!.Value);
        }
        Assert.Equal(10m, byExecution.Values.Sum());
    }

    [Fact]
    public async Task Update_that_cannot_be_read_counts_as_a_drop_and_polling_recovers_its_fill()
    {
        var broker = _harness.Broker();
        await using var updates = new UpdateCollector(broker);
        var order = await broker.SubmitOrderAsync(OrderRequest.Market("c-1", Aapl, OrderSide.Buy, 10m));

        Server.Book.Fill(order.BrokerOrderId, 10m, 99m);
        await Server.Stream.PushAsync("""{"stream":"trade_updates","data":{"event":"fill","order":{"id":42}}}""");
        var fill = await updates.NextAsync();

        Assert.Equal((TradeUpdateEvent.Fill, 10m, $"{order.BrokerOrderId}:10"), (fill.Event, fill.Quantity, fill.ExecutionId));
        await Guard.Within(Server.WaitForEventAsync("stream-listening", 2));
    }

    [Fact]
    public async Task Submit_while_the_stream_is_down_is_held_and_sent_once_the_stream_is_back()
    {
        var broker = _harness.Broker();
        await Guard.Within(broker.ConnectAsync());
        Server.Stream.Refuse = true;
        Server.Stream.DropAll();
        await Guard.Within(Server.WaitForEventAsync("stream-refused"));

        var submit = broker.SubmitOrderAsync(OrderRequest.Market("c-held", Aapl, OrderSide.Buy, 1m));
        Server.Stream.Refuse = false;
        var order = await Guard.Within(submit);

        var events = Server.Events.ToList();
        var relistened = events.Select((e, i) => (e, i)).Where(p => p.e == "stream-listening").Skip(1).First().i;
        Assert.True(events.IndexOf("POST /v2/orders") > relistened, string.Join(", ", events));
        Assert.Equal("c-held", order.ClientOrderId);
    }

    [Fact]
    public async Task Submit_held_longer_than_the_hold_timeout_fails_unsent()
    {
        var broker = _harness.Broker(_harness.Options with { SubmitHoldTimeout = TimeSpan.FromMilliseconds(200) });
        await Guard.Within(broker.ConnectAsync());
        Server.Stream.Refuse = true;
        Server.Stream.DropAll();
        await Guard.Within(Server.WaitForEventAsync("stream-refused"));

        var error = await Assert.ThrowsAsync<BrokerUnavailableException>(() =>
            Guard.Within(broker.SubmitOrderAsync(OrderRequest.Market("c-late", Aapl, OrderSide.Buy, 1m))));

        Assert.Contains("held and NOT sent", error.Message, StringComparison.Ordinal);
        Assert.Contains("submit-hold-timeout", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Server.Count("POST", "/v2/orders"));
    }

    [Fact]
    public async Task Trade_updates_end_quietly_when_the_subscriber_cancels()
    {
        using var stop = new CancellationTokenSource();
        var updates = _harness.Broker().TradeUpdatesAsync(stop.Token);
        await using var enumerator = updates.GetAsyncEnumerator();
        var next = enumerator.MoveNextAsync().AsTask();

        await stop.CancelAsync();

        Assert.False(await Guard.Within(next));
    }

    [Fact]
    public async Task Trade_updates_end_when_the_broker_is_disposed()
    {
        var broker = _harness.Broker();
        await using var enumerator = broker.TradeUpdatesAsync().GetAsyncEnumerator();
        var next = enumerator.MoveNextAsync().AsTask();

        await broker.DisposeAsync();

        Assert.False(await Guard.Within(next));
    }
}
