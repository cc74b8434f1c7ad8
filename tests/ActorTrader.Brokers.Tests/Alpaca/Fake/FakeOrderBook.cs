using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActorTrader.Brokers.Tests.Alpaca.Fake;

/// <summary>
/// The fake server's account: orders that can be submitted (a client order id only once), listed, looked up, replaced,
/// canceled and filled, rendered in the shape of the recorded order (numbers as strings, 9-digit timestamps), plus the
/// positions fills build up. Fills produce the trade_updates message the stream pushes.
/// </summary>
internal sealed class FakeOrderBook(TimeProvider clock)
{
    public const string SpyAssetId = "b4695157-0d1d-4da0-8f9e-5c53149389e4";
    public const string BtcAssetId = "276e2673-764b-4ab6-a611-caf665ca6340";
    public const string DuplicateMessage = "client_order_id must be unique";

    private readonly Lock _gate = new();
    private readonly List<FakeOrder> _orders = [];
    private readonly Dictionary<string, decimal> _positions = new(StringComparer.Ordinal);
    private readonly JsonObject _template = JsonNode.Parse(AlpacaMocks.Read(AlpacaMocks.MarketOrder))!.AsObject();
    private int _sequence;

    public int Count
    {
        get
        {
            lock (_gate) return _orders.Count;
        }
    }

    public FakeOrder? ByClientOrderId(string clientOrderId)
    {
        lock (_gate) return _orders.FirstOrDefault(o => o.ClientOrderId == clientOrderId);
    }

    public (int Status, string Body) Submit(string body)
    {
        using var document = JsonDocument.Parse(body);
        var request = document.RootElement;
        var clientOrderId = request.TryGetProperty("client_order_id", out var id) ? id.GetString()! : Guid.NewGuid().ToString();
        lock (_gate)
        {
            if (_orders.Any(o => o.ClientOrderId == clientOrderId))
                return (422, $$"""{"code":40010001,"message":"{{DuplicateMessage}}"}""");
            var ticker = request.GetProperty("symbol").GetString()!;
            var now = clock.GetUtcNow();
            var order = new FakeOrder
            {
                Id = NextId("0000"),
                ClientOrderId = clientOrderId,
                Ticker = ticker,
                AssetId = AssetIdOf(ticker),
                AssetClass = ticker.Contains('/', StringComparison.Ordinal) ? "crypto" : "us_equity",
                Side = request.GetProperty("side").GetString()!,
                Type = request.GetProperty("type").GetString()!,
                TimeInForce = request.GetProperty("time_in_force").GetString()!,
                Quantity = Decimal(request, "qty") ?? 0m,
                LimitPrice = Decimal(request, "limit_price"),
                StopPrice = Decimal(request, "stop_price"),
                Status = "accepted",
                CreatedAt = now,
                UpdatedAt = now,
            };
            _orders.Add(order);
            return (200, Render(order));
        }
    }

    public (int Status, string Body) Get(string id)
    {
        lock (_gate)
        {
            var order = _orders.FirstOrDefault(o => o.Id == id);
            return order is null ? NotFound() : (200, Render(order));
        }
    }

    public (int Status, string Body) GetByClientOrderId(string clientOrderId)
    {
        lock (_gate)
        {
            var order = _orders.FirstOrDefault(o => o.ClientOrderId == clientOrderId);
            return order is null ? NotFound() : (200, Render(order));
        }
    }

    public (int Status, string Body) List(string? status, string? after, string? limit)
    {
        var since = after is null ? DateTimeOffset.MinValue : DateTimeOffset.Parse(after, CultureInfo.InvariantCulture);
        var take = limit is null ? 50 : int.Parse(limit, CultureInfo.InvariantCulture);
        lock (_gate)
        {
            var selected = _orders
                .Where(o => o.CreatedAt > since)
                .Where(o => status switch
                {
                    "open" => !o.IsTerminal,
                    "closed" => o.IsTerminal,
                    _ => true,
                })
                .OrderBy(o => o.CreatedAt)
                .Take(take)
                .Select(o => JsonNode.Parse(Render(o)));
            return (200, new JsonArray([.. selected]).ToJsonString());
        }
    }

    public (int Status, string Body) Replace(string id, string body)
    {
        using var document = JsonDocument.Parse(body);
        var request = document.RootElement;
        lock (_gate)
        {
            var old = _orders.FirstOrDefault(o => o.Id == id);
            if (old is null) return NotFound();
            if (old.IsTerminal) return (422, """{"code":42210000,"message":"order is not replaceable"}""");
            var now = clock.GetUtcNow();
            var replacement = old.CopyAsNew(NextId("1000"), now);
            replacement.Quantity = Decimal(request, "qty") ?? old.Quantity;
            replacement.LimitPrice = Decimal(request, "limit_price") ?? old.LimitPrice;
            replacement.Replaces = old.Id;
            if (request.TryGetProperty("client_order_id", out var clientId)) replacement.ClientOrderId = clientId.GetString()!;
            old.Status = "replaced";
            old.ReplacedBy = replacement.Id;
            old.UpdatedAt = now;
            _orders.Add(replacement);
            return (200, Render(replacement));
        }
    }

    public (int Status, string Body) Cancel(string id)
    {
        lock (_gate)
        {
            var order = _orders.FirstOrDefault(o => o.Id == id);
            if (order is null) return NotFound();
            if (order.IsTerminal) return (422, """{"code":42210000,"message":"order is not cancelable"}""");
            order.Status = "canceled";
            order.UpdatedAt = clock.GetUtcNow();
            return (204, "");
        }
    }

    public (int Status, string Body) CancelAll()
    {
        lock (_gate)
        {
            var results = new JsonArray();
            foreach (var order in _orders.Where(o => !o.IsTerminal))
            {
                order.Status = "canceled";
                order.UpdatedAt = clock.GetUtcNow();
                results.Add(new JsonObject { ["id"] = order.Id, ["status"] = 200 });
            }
            return (207, results.ToJsonString());
        }
    }

    /// <summary>Fills <paramref name="quantity"/> of the order at <paramref name="price"/>; returns the trade_updates message for it.</summary>
    public string Fill(string orderId, decimal quantity, decimal price)
    {
        lock (_gate)
        {
            var order = _orders.Single(o => o.Id == orderId);
            var now = clock.GetUtcNow();
            var before = order.Filled;
            order.Filled += quantity;
            order.AveragePrice = ((order.AveragePrice ?? 0m) * before + price * quantity) / order.Filled;
            order.Status = order.Filled >= order.Quantity ? "filled" : "partially_filled";
            order.UpdatedAt = now;
            order.FilledAt = now;
            var signed = order.Side == "buy" ? quantity : -quantity;
            _positions[order.Ticker] = _positions.GetValueOrDefault(order.Ticker) + signed;
            var data = new JsonObject
            {
                ["event"] = order.Status == "filled" ? "fill" : "partial_fill",
                ["execution_id"] = NextId("e000"),
                ["order"] = JsonNode.Parse(Render(order)),
                ["position_qty"] = Text(_positions[order.Ticker]),
                ["price"] = Text(price),
                ["qty"] = Text(quantity),
                ["timestamp"] = Timestamp(now),
            };
            return new JsonObject { ["stream"] = "trade_updates", ["data"] = data }.ToJsonString();
        }
    }

    /// <summary>Rejects the order (as Alpaca does after accepting it); returns the trade_updates message for it.</summary>
    public string Reject(string orderId)
    {
        lock (_gate)
        {
            var order = _orders.Single(o => o.Id == orderId);
            order.Status = "rejected";
            order.UpdatedAt = clock.GetUtcNow();
        }
        return Event(orderId, "rejected");
    }

    /// <summary>The trade_updates message of a non-fill <paramref name="eventName"/> (new, canceled, …) for the order as it is.</summary>
    public string Event(string orderId, string eventName)
    {
        lock (_gate)
        {
            var order = _orders.Single(o => o.Id == orderId);
            var data = new JsonObject
            {
                ["event"] = eventName,
                ["order"] = JsonNode.Parse(Render(order)),
                ["timestamp"] = Timestamp(clock.GetUtcNow()),
            };
            return new JsonObject { ["stream"] = "trade_updates", ["data"] = data }.ToJsonString();
        }
    }

    /// <summary>The asset id the fake gives a ticker: the recorded ones for AAPL, SPY and BTC/USD.</summary>
    public static string AssetIdOf(string ticker) => ticker switch
    {
        "AAPL" => AlpacaMocks.AaplAssetId,
        "SPY" => SpyAssetId,
        "BTC/USD" or "BTCUSD" => BtcAssetId,
        _ => "a55e7000-0000-4000-8000-" + string.Concat(ticker.Select(c => ((int)c).ToString("x2", CultureInfo.InvariantCulture))).PadLeft(12, '0')[..12],
    };

    private string NextId(string prefix) => $"{prefix}0000-0000-4000-8000-{Interlocked.Increment(ref _sequence):D12}";

    private static (int, string) NotFound() => (404, """{"code":40410000,"message":"order not found"}""");

    private string Render(FakeOrder order)
    {
        var json = _template.DeepClone().AsObject();
        json["id"] = order.Id;
        json["client_order_id"] = order.ClientOrderId;
        json["created_at"] = Timestamp(order.CreatedAt);
        json["updated_at"] = Timestamp(order.UpdatedAt);
        json["submitted_at"] = Timestamp(order.CreatedAt);
        json["filled_at"] = order.FilledAt is { } filledAt ? Timestamp(filledAt) : null;
        json["replaced_by"] = order.ReplacedBy;
        json["replaces"] = order.Replaces;
        json["asset_id"] = order.AssetId;
        json["symbol"] = order.Ticker;
        json["asset_class"] = order.AssetClass;
        json["qty"] = Text(order.Quantity);
        json["filled_qty"] = Text(order.Filled);
        json["filled_avg_price"] = order.AveragePrice is { } average ? Text(average) : null;
        json["order_type"] = order.Type;
        json["type"] = order.Type;
        json["side"] = order.Side;
        json["time_in_force"] = order.TimeInForce;
        json["limit_price"] = order.LimitPrice is { } limit ? Text(limit) : null;
        json["stop_price"] = order.StopPrice is { } stop ? Text(stop) : null;
        json["status"] = order.Status;
        return json.ToJsonString();
    }

    // Nine fractional digits, as Alpaca writes: the last two are below .NET's tick and must be dropped, not misread.
    private static string Timestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "99Z";

    private static string Text(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static decimal? Decimal(JsonElement request, string name) =>
        request.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? decimal.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    /// <summary>One order of the book; mutated under the book's lock only.</summary>
    internal sealed class FakeOrder
    {
        public required string Id { get; init; }

        public required string ClientOrderId { get; set; }

        public required string Ticker { get; init; }

        public required string AssetId { get; init; }

        public required string AssetClass { get; init; }

        public required string Side { get; init; }

        public required string Type { get; init; }

        public required string TimeInForce { get; init; }

        public decimal Quantity { get; set; }

        public decimal? LimitPrice { get; set; }

        public decimal? StopPrice { get; set; }

        public required string Status { get; set; }

        public decimal Filled { get; set; }

        public decimal? AveragePrice { get; set; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; set; }

        public DateTimeOffset? FilledAt { get; set; }

        public string? ReplacedBy { get; set; }

        public string? Replaces { get; set; }

        public bool IsTerminal => Status is "filled" or "canceled" or "expired" or "rejected" or "replaced";

        public FakeOrder CopyAsNew(string id, DateTimeOffset now) => new()
        {
            Id = id,
            ClientOrderId = ClientOrderId,
            Ticker = Ticker,
            AssetId = AssetId,
            AssetClass = AssetClass,
            Side = Side,
            Type = Type,
            TimeInForce = TimeInForce,
            Quantity = Quantity,
            LimitPrice = LimitPrice,
            StopPrice = StopPrice,
            Status = "accepted",
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
