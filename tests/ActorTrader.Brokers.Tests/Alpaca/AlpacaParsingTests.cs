using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActorTrader.Brokers.Alpaca;
using ActorTrader.Brokers.Tests.Alpaca.Fake;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Tests.Alpaca;

public sealed class AlpacaParsingTests
{
    public static TheoryData<string> SingleOrderFiles => new(AlpacaMocks.SingleOrders);

    [Theory]
    [MemberData(nameof(SingleOrderFiles))]
    public void Every_recorded_order_parses_to_what_its_json_says(string file)
    {
        var json = AlpacaMocks.Read(file);
        using var document = JsonDocument.Parse(json);
        var raw = document.RootElement;

        var order = AlpacaOrderParser.ParseOne(Encoding.UTF8.GetBytes(json));

        Assert.Equal(raw.GetProperty("id").GetString(), order.Id);
        Assert.Equal(raw.GetProperty("client_order_id").GetString(), order.ClientOrderId);
        Assert.Equal(raw.GetProperty("symbol").GetString(), order.Ticker);
        Assert.Equal(raw.GetProperty("side").GetString(), order.Side.ToWire());
        Assert.Equal(raw.GetProperty("status").GetString(), order.Status.ToWire());
        Assert.Equal(DateTimeOffset.Parse(raw.GetProperty("created_at").GetString()!, CultureInfo.InvariantCulture), order.CreatedAt);
        Assert.Equal(0m, order.FilledQuantity);
    }

    [Fact]
    public void Recorded_market_order_reads_a_quantity_written_as_a_number_and_a_filled_quantity_written_as_a_string()
    {
        var order = AlpacaOrderParser.ParseOne(AlpacaMocks.Bytes(AlpacaMocks.MarketOrder));

        Assert.Equal(1m, order.Quantity);
        Assert.Equal(0m, order.FilledQuantity);
        Assert.Equal(OrderType.Market, order.Type);
        Assert.Equal(TimeInForce.Day, order.TimeInForce);
        Assert.Equal(OrderStatus.Accepted, order.Status);
        Assert.Null(order.FilledAt);
        Assert.Null(order.FilledAveragePrice);
        Assert.Equal(AlpacaMocks.AaplAssetId, order.AssetId);
    }

    [Fact]
    public void Recorded_limit_order_reads_its_limit_price()
    {
        var order = AlpacaOrderParser.ParseOne(AlpacaMocks.Bytes(AlpacaMocks.LimitOrder));

        Assert.Equal(OrderType.Limit, order.Type);
        Assert.Equal(300m, order.LimitPrice);
        Assert.Null(order.StopPrice);
    }

    [Fact]
    public void Recorded_order_list_reads_a_stop_order_and_ignores_fields_it_does_not_use()
    {
        var orders = AlpacaOrderParser.ParseList(AlpacaMocks.Bytes(AlpacaMocks.Orders));

        var order = Assert.Single(orders);
        Assert.Equal("SPY", order.Ticker);
        Assert.Equal(OrderType.Stop, order.Type);
        Assert.Equal(OrderStatus.New, order.Status);
        Assert.Equal(0m, order.FilledAveragePrice);
        Assert.Equal("0b11f089-722d-4ced-9beb-e2eeed3637dc", order.ReplacedBy);
        Assert.Equal("9f7d75bc-a9a2-40b0-9082-0fc0a09817ff", order.Replaces);
        Assert.Equal(new DateTimeOffset(2019, 8, 24, 14, 15, 22, TimeSpan.Zero), order.FilledAt);
    }

    [Fact]
    public void Recorded_close_position_order_without_a_quantity_is_a_notional_order()
    {
        var order = AlpacaOrderParser.ParseOne(AlpacaMocks.Bytes(AlpacaMocks.ClosePositionWithPercentage));

        Assert.Null(order.Quantity);
        Assert.Equal(500m, order.Notional);
    }

    [Fact]
    public void Order_reads_the_same_whether_numbers_are_written_as_numbers_or_as_strings()
    {
        var json = AlpacaMocks.Read(AlpacaMocks.LimitOrder);

        var asWritten = AlpacaOrderParser.ParseOne(Encoding.UTF8.GetBytes(json));
        var quoted = AlpacaOrderParser.ParseOne(Encoding.UTF8.GetBytes(Rewrite(json, o =>
        {
            o["qty"] = "1";
            o["limit_price"] = "300";
            o["commission"] = "1.25";
        })));

        Assert.Equal(asWritten, quoted);
    }

    [Fact]
    public void Order_with_unknown_fields_and_nine_digit_timestamps_with_offsets_parses()
    {
        var json = Rewrite(AlpacaMocks.Read(AlpacaMocks.MarketOrder), o =>
        {
            o["created_at"] = "2021-03-16T14:38:01.942282123-04:00";
            o["filled_at"] = "2021-03-16T14:38:02.5-04:00";
            o["zz_new_field"] = JsonNode.Parse("""{"nested":[1,null,{"deep":true}]}""");
            o["subtag"] = null;
        });

        var order = AlpacaOrderParser.ParseOne(Encoding.UTF8.GetBytes(json));

        Assert.Equal(new DateTimeOffset(2021, 3, 16, 18, 38, 1, TimeSpan.Zero).AddTicks(9_422_821), order.CreatedAt);
        Assert.Equal(new DateTimeOffset(2021, 3, 16, 18, 38, 2, 500, TimeSpan.Zero), order.FilledAt);
    }

    [Fact]
    public void Order_with_an_unknown_status_fails_naming_the_field_and_the_known_statuses()
    {
        var json = Rewrite(AlpacaMocks.Read(AlpacaMocks.MarketOrder), o => o["status"] = "teleported");

        var error = Assert.Throws<FormatException>(() => AlpacaOrderParser.ParseOne(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("order.status", error.Message, StringComparison.Ordinal);
        Assert.Contains("partially_filled", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("accepted_for_bidding", OrderStatus.Accepted)]
    [InlineData("held", OrderStatus.Accepted)]
    [InlineData("partially_filled", OrderStatus.PartiallyFilled)]
    [InlineData("done_for_day", OrderStatus.DoneForDay)]
    public void Alpaca_statuses_map_to_order_statuses(string alpaca, OrderStatus expected) =>
        Assert.Equal(expected, AlpacaOrderParser.ParseStatus(alpaca));

    [Fact]
    public void Trailing_stop_order_reads_as_a_stop_order()
    {
        var json = Rewrite(AlpacaMocks.Read(AlpacaMocks.MarketOrder), o =>
        {
            o["type"] = "trailing_stop";
            o["stop_price"] = "171.5";
        });

        var order = AlpacaOrderParser.ParseOne(Encoding.UTF8.GetBytes(json));

        Assert.Equal(OrderType.Stop, order.Type);
        Assert.Equal(171.5m, order.StopPrice);
    }

    [Fact]
    public void Recorded_account_is_a_margin_account_with_its_amounts()
    {
        var account = AlpacaAccountParser.ParseAccount(AlpacaMocks.Bytes(AlpacaMocks.Account));

        Assert.Equal("010203ABCD", account.AccountId);
        Assert.Equal(AccountKind.Margin, account.Kind);
        Assert.Equal(-23140.2m, account.Cash);
        Assert.Equal(262113.632m, account.BuyingPower);
        Assert.Equal(103820.56m, account.Equity);
        Assert.Equal(103529.24m, account.LastEquity);
        Assert.Equal("ACTIVE", account.Status);
        Assert.False(account.TradingBlocked);
        Assert.False(account.PatternDayTrader);
        Assert.Equal("USD", account.Currency);
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("1")]
    public void Account_with_multiplier_one_is_a_cash_account(string multiplier)
    {
        var json = Rewrite(AlpacaMocks.Read(AlpacaMocks.Account), o => o["multiplier"] = JsonNode.Parse(multiplier));

        Assert.Equal(AccountKind.Cash, AlpacaAccountParser.ParseAccount(Encoding.UTF8.GetBytes(json)).Kind);
    }

    [Fact]
    public void Account_blocked_by_alpaca_counts_as_trading_blocked()
    {
        var json = Rewrite(AlpacaMocks.Read(AlpacaMocks.Account), o => o["account_blocked"] = true);

        Assert.True(AlpacaAccountParser.ParseAccount(Encoding.UTF8.GetBytes(json)).TradingBlocked);
    }

    [Fact]
    public void Clock_reads_nine_digit_timestamps_with_offsets_as_utc()
    {
        var clock = AlpacaAccountParser.ParseClock(AlpacaMocks.Bytes(AlpacaMocks.Clock));

        Assert.Equal(new DateTimeOffset(2024, 3, 4, 14, 41, 54, TimeSpan.Zero).AddTicks(6_401_972), clock.Timestamp);
        Assert.True(clock.IsOpen);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 30, 0, TimeSpan.Zero), clock.NextOpen);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 21, 0, 0, TimeSpan.Zero), clock.NextClose);
        Assert.Equal(TimeSpan.Zero, clock.Timestamp.Offset);
    }

    [Fact]
    public void Calendar_turns_new_york_times_into_utc_across_daylight_saving_and_marks_early_closes()
    {
        var sessions = AlpacaAccountParser.ParseCalendar(AlpacaMocks.Bytes(AlpacaMocks.Calendar));

        Assert.Collection(sessions,
            s =>
            {
                Assert.Equal(new DateOnly(2024, 3, 8), s.Date);
                Assert.Equal(new DateTimeOffset(2024, 3, 8, 14, 30, 0, TimeSpan.Zero), s.Open);
                Assert.Equal(new DateTimeOffset(2024, 3, 8, 21, 0, 0, TimeSpan.Zero), s.Close);
                Assert.False(s.IsEarlyClose);
            },
            s =>
            {
                Assert.Equal(new DateTimeOffset(2024, 3, 11, 13, 30, 0, TimeSpan.Zero), s.Open);
                Assert.Equal(new DateTimeOffset(2024, 3, 11, 20, 0, 0, TimeSpan.Zero), s.Close);
            },
            s =>
            {
                Assert.Equal(new DateTimeOffset(2024, 11, 29, 18, 0, 0, TimeSpan.Zero), s.Close);
                Assert.True(s.IsEarlyClose);
            });
    }

    [Fact]
    public void Recorded_positions_read_a_long_position_with_its_exchange()
    {
        var position = Assert.Single(AlpacaPositionParser.ParseList(AlpacaMocks.Bytes(AlpacaMocks.Positions)));

        Assert.Equal("AAPL", position.Ticker);
        Assert.Equal("NASDAQ", position.Exchange);
        Assert.Equal(5m, position.Quantity);
        Assert.Equal(100m, position.AverageEntryPrice);
        Assert.Equal(600m, position.MarketValue);
        Assert.Equal(120m, position.CurrentPrice);
        Assert.Equal(100m, position.UnrealizedPnl);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-5")]
    public void Short_position_has_a_negative_quantity_whether_alpaca_signs_it_or_not(string quantity)
    {
        var json = RewriteArray(AlpacaMocks.Read(AlpacaMocks.Positions), o =>
        {
            o["qty"] = quantity;
            o["side"] = "short";
        });

        Assert.Equal(-5m, Assert.Single(AlpacaPositionParser.ParseList(Encoding.UTF8.GetBytes(json))).Quantity);
    }

    [Fact]
    public void Recorded_close_all_answer_reads_the_created_order_and_each_refusal()
    {
        var items = AlpacaMultiStatusParser.Parse(AlpacaMocks.Bytes(AlpacaMocks.CloseAllPositions));

        Assert.Collection(items,
            btc =>
            {
                Assert.True(btc.Succeeded);
                Assert.Equal("BTC/USD", btc.Order!.Ticker);
                Assert.Equal("crypto", btc.Order.AssetClass);
                Assert.Equal(0.0283m, btc.Order.Quantity);
                Assert.Equal(OrderStatus.PendingNew, btc.Order.Status);
                Assert.Equal(TimeInForce.Gtc, btc.Order.TimeInForce);
                Assert.Equal(new DateTimeOffset(2022, 7, 27, 8, 12, 33, TimeSpan.Zero).AddTicks(6_689_776), btc.Order.CreatedAt);
            },
            sqqq =>
            {
                Assert.Equal(("SQQQ", 403), (sqqq.Subject, sqqq.Status));
                Assert.Contains("insufficient qty", sqqq.Message, StringComparison.Ordinal);
                Assert.Null(sqqq.Order);
            },
            nyc => Assert.Equal(("NYC", 403, "account is not allowed to short"), (nyc.Subject, nyc.Status, nyc.Message)));
    }

    [Fact]
    public void Recorded_cancel_all_answer_reads_each_orders_status()
    {
        var items = AlpacaMultiStatusParser.Parse(AlpacaMocks.Bytes(AlpacaMocks.CancelOrders));

        Assert.Equal(
            [("497f6eca-6276-4993-bfeb-53cbbbba6f08", 200, ""), ("72249bb6-6c89-4ea7-b8cf-73f1a140812b", 404, "order not found")],
            items.Select(i => (i.Subject, i.Status, i.Message)));
    }

    [Fact]
    public void Trade_update_reads_the_executions_price_quantity_position_and_id()
    {
        var message = TradeUpdateMessage("fill", """ "price":"179.08", "qty":1, "position_qty":"101", "execution_id":"ex-1", "timestamp":"2024-03-04T10:15:00.123456789-05:00", "zz_unknown":[1] """);

        var update = Assert.IsType<AlpacaStreamMessage.TradeUpdate>(Assert.Single(AlpacaStreamParser.Parse(Encoding.UTF8.GetBytes(message)))).Update;

        Assert.Equal("fill", update.Event);
        Assert.Equal(179.08m, update.Price);
        Assert.Equal(1m, update.Quantity);
        Assert.Equal(101m, update.PositionQuantity);
        Assert.Equal("ex-1", update.ExecutionId);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 15, 15, 0, TimeSpan.Zero).AddTicks(1_234_567), update.Timestamp);
        Assert.Equal("61e69015-8549-4bfd-b9c3-01e75843f47d", update.Order.Id);
    }

    [Fact]
    public void Stream_control_messages_are_recognised_alone_or_in_an_array()
    {
        var frame = """
            [{"stream":"authorization","data":{"status":"authorized","action":"authenticate"}},
             {"stream":"authorization","data":{"status":"unauthorized","action":"authenticate"}},
             {"stream":"listening","data":{"streams":["trade_updates"]}},
             {"stream":"something_new","data":{}}]
            """;

        var messages = AlpacaStreamParser.Parse(Encoding.UTF8.GetBytes(frame));

        Assert.Equal(
            [
                new AlpacaStreamMessage.Authorization(true, "authorized"),
                new AlpacaStreamMessage.Authorization(false, "unauthorized"),
                (AlpacaStreamMessage)new AlpacaStreamMessage.Other("something_new"),
            ],
            messages.Where(m => m is not AlpacaStreamMessage.Listening));
        Assert.Equal(["trade_updates"], Assert.IsType<AlpacaStreamMessage.Listening>(messages[2]).Streams);
    }

    [Fact]
    public void Trade_update_without_an_order_fails_naming_the_path()
    {
        var error = Assert.Throws<FormatException>(() =>
            AlpacaStreamParser.Parse(Encoding.UTF8.GetBytes("""{"stream":"trade_updates","data":{"event":"fill"}}""")));

        Assert.Contains("message.data.order", error.Message, StringComparison.Ordinal);
    }

    internal static string TradeUpdateMessage(string eventName, string fields)
    {
        var order = AlpacaMocks.Read(AlpacaMocks.MarketOrder);
        return $$$"""{"stream":"trade_updates","data":{"event":"{{{eventName}}}",{{{fields}}},"order":{{{order}}}}}""";
    }

    private static string Rewrite(string json, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    private static string RewriteArray(string json, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(json)!.AsArray();
        foreach (var item in root) change(item!.AsObject());
        return root.ToJsonString();
    }
}
