using System.Text.Json.Serialization;
using ActorTrader.Domain.Accounting;

namespace ActorTrader.Trading.Ledger;

/// <summary>
/// The ledger actor's whole journaled state, saved every <see cref="LedgerSettings.SnapshotEvery"/> events: the
/// accounting, every booked execution id (so a fill redelivered after the snapshot is still recognised) and the daily rows.
/// </summary>
public sealed record LedgerActorSnapshot(
    string AccountId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AccountKind>))] AccountKind Kind,
    decimal InitialCash,
    decimal Cash,
    decimal RealisedPnl,
    decimal Fees,
    int FillCount,
    IReadOnlyList<LedgerSnapshotPosition> Positions,
    IReadOnlyList<string> ExecutionIds,
    IReadOnlyList<PortfolioDailyRecorded> Daily);

/// <summary>One open position in a <see cref="LedgerActorSnapshot"/>; the symbol as EXCHANGE:TICKER.</summary>
public sealed record LedgerSnapshotPosition(string Symbol, decimal Quantity, decimal AverageCost);
