using System.Text.Json.Serialization;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Orders;
using ActorTrader.Persistence.Serialization;

namespace ActorTrader.Trading.Ledger;

// Journaled events of the ledger actor. Symbols are stored as EXCHANGE:TICKER text and enums by name, so the stored
// shape does not depend on how the domain types are built.

/// <summary>Journaled once, as the first event: the ledger of <see cref="AccountId"/> opened with this cash and kind.</summary>
public sealed record LedgerOpened(
    string AccountId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AccountKind>))] AccountKind Kind,
    decimal InitialCash,
    DateTimeOffset At);

/// <summary>Journaled: one execution booked (cash, position, realised P&amp;L, fees). <see cref="ExecutionId"/> is never booked twice.</summary>
public sealed record LedgerFillBooked(
    string ExecutionId,
    string ClientOrderId,
    string Symbol,
    [property: JsonConverter(typeof(JsonStringEnumConverter<OrderSide>))] OrderSide Side,
    decimal Quantity,
    decimal Price,
    decimal Commission,
    DateTimeOffset FilledAt,
    DateTimeOffset BookedAt);

/// <summary>Journaled: the <c>portfolio_daily</c> row of <see cref="Date"/> (exchange-local), at most one per date.</summary>
public sealed record PortfolioDailyRecorded(
    DateOnly Date,
    decimal NetAssetValue,
    decimal Cash,
    decimal DayPnl,
    decimal RealisedPnl,
    decimal UnrealisedPnl,
    decimal Fees,
    decimal GrossExposure,
    decimal NetExposure,
    int Positions,
    int Unmarked,
    DateTimeOffset At);

/// <summary>
/// Journaled by reconciliation: the ledger held <see cref="LedgerQuantity"/> of <see cref="Symbol"/> and the broker
/// <see cref="BrokerQuantity"/>; the broker's position (at its average entry price) replaced the ledger's.
/// </summary>
public sealed record PositionAdopted(
    string ReconciliationId,
    string Symbol,
    decimal LedgerQuantity,
    decimal LedgerAverageCost,
    decimal BrokerQuantity,
    decimal BrokerAverageCost,
    DateTimeOffset At);

/// <summary>Journaled by reconciliation: the ledger's cash differed from the broker's, which replaced it.</summary>
public sealed record CashAdopted(string ReconciliationId, decimal LedgerCash, decimal BrokerCash, DateTimeOffset At);

/// <summary>
/// Journaled by reconciliation: the ledger's account kind differed from the broker account's, which replaced it (from
/// then on the ledger applies the broker's rules: shorts and borrowing on margin, neither on cash).
/// </summary>
public sealed record AccountKindAdopted(
    string ReconciliationId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AccountKind>))] AccountKind LedgerKind,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AccountKind>))] AccountKind BrokerKind,
    DateTimeOffset At);

/// <summary>The stable manifest names of the ledger's events and snapshot; never rename one (old journals use it).</summary>
public static class LedgerEvents
{
    public static EventSerializer Register(EventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return serializer
            .Register<LedgerOpened>("ledger-opened")
            .Register<LedgerFillBooked>("ledger-fill-booked")
            .Register<PortfolioDailyRecorded>("ledger-portfolio-daily-recorded")
            .Register<PositionAdopted>("ledger-position-adopted")
            .Register<CashAdopted>("ledger-cash-adopted")
            .Register<AccountKindAdopted>("ledger-account-kind-adopted")
            .Register<LedgerActorSnapshot>("ledger-snapshot");
    }
}
