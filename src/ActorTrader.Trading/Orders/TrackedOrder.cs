using System.Text.Json.Serialization;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Trading.Orders;

/// <summary>One order as the order manager knows it: the intent it came from, its state, broker id and fills. Immutable.</summary>
internal sealed record TrackedOrder(
    string ClientOrderId,
    string AccountId,
    string Sleeve,
    string RebalanceId,
    string Leg,
    [property: JsonConverter(typeof(SymbolJsonConverter))] Symbol Symbol,
    [property: JsonConverter(typeof(WireEnumConverter<OrderSide>))] OrderSide Side,
    decimal Quantity,
    [property: JsonConverter(typeof(WireEnumConverter<OrderType>))] OrderType Type,
    [property: JsonConverter(typeof(WireEnumConverter<TimeInForce>))] TimeInForce TimeInForce,
    decimal? LimitPrice,
    decimal? StopPrice,
    decimal ReferencePrice,
    bool ReducesExposure,
    string? Reason,
    OrderState State,
    string? BrokerOrderId,
    IReadOnlyList<RecordedFill> Fills,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    string? LastError,
    bool Adopted)
{
    [JsonIgnore]
    public decimal FilledQuantity => Fills.Sum(f => f.Quantity);

    [JsonIgnore]
    public decimal FilledNotional => Fills.Sum(f => f.Quantity * f.Price);

    /// <summary>Quantity-weighted average fill price, or null before the first fill.</summary>
    [JsonIgnore]
    public decimal? AverageFillPrice => FilledQuantity > 0 ? FilledNotional / FilledQuantity : null;

    public bool HasExecution(string executionId) => Fills.Any(f => string.Equals(f.ExecutionId, executionId, StringComparison.Ordinal));

    public RecordedFill? FillOf(string executionId) => Fills.FirstOrDefault(f => string.Equals(f.ExecutionId, executionId, StringComparison.Ordinal));

    /// <summary>The execution as the ledger books it.</summary>
    public Fill ToFill(RecordedFill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        return new Fill(ClientOrderId, Symbol, Side, fill.Quantity, fill.Price, fill.Commission, fill.Time);
    }

    public OrderView ToView() => new(ClientOrderId, BrokerOrderId, AccountId, Symbol, Side, Type, Quantity, FilledQuantity, AverageFillPrice,
        State, Sleeve, RebalanceId, Leg, SubmittedAt, UpdatedAt, LastError, Adopted);
}

/// <summary>One execution of an order, as journaled in <see cref="OrderFilled"/>.</summary>
internal sealed record RecordedFill(string ExecutionId, decimal Quantity, decimal Price, decimal Commission, DateTimeOffset Time, bool Synthetic);
