using ActorTrader.Domain.Accounting;

namespace ActorTrader.Brokers.Abstractions;

/// <summary>
/// The account as the broker sees it. <see cref="Kind"/> is cash when Alpaca's multiplier is 1 (no shorting, no
/// leverage). Amounts are in the account currency (USD).
/// </summary>
public sealed record BrokerAccount(
    string AccountId,
    AccountKind Kind,
    decimal Cash,
    decimal BuyingPower,
    decimal Equity,
    decimal LastEquity,
    string Status,
    bool TradingBlocked,
    bool PatternDayTrader,
    string Currency = "USD");
