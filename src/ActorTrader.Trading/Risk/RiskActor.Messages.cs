using ActorTrader.Brokers.Abstractions;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk.PreTrade;
using ActorTrader.Trading.Risk.Actions;

namespace ActorTrader.Trading.Risk;

// The risk manager's public protocol, used by the trading day (checks, start of day), the management API (state,
// resume) and anyone watching the event stream (RiskEventOccurred).

/// <summary>
/// Check a batch of intents before they go to the order manager; replies <see cref="RiskChecked"/> at once (nothing is
/// journaled on the way). Approved intents count towards today's trades, once per client order id. After a restart
/// checks wait until the order manager told which orders it placed today (see <see cref="RiskActor"/>).
/// </summary>
/// <param name="Assets">The broker's assets for the symbols (tradable, shortable); a short in a symbol not listed is refused.</param>
/// <param name="BuyingPower">The broker's buying power, when known; otherwise a margin account's is NAV × margin-multiplier − gross exposure.</param>
public sealed record CheckOrders(IReadOnlyList<OrderIntent> Intents, IReadOnlyList<BrokerAsset>? Assets = null, decimal? BuyingPower = null);

/// <summary>The outcome of <see cref="CheckOrders"/>: only <see cref="Approved"/> may be sent to the order manager.</summary>
public sealed record RiskChecked(IReadOnlyList<OrderIntent> Approved, IReadOnlyList<RefusedOrder> Refused);

/// <summary>Asks for the risk manager's state; replies <see cref="RiskStateView"/>.</summary>
public sealed record GetRiskState
{
    public static GetRiskState Instance { get; } = new();
}

/// <summary>
/// Lift REDUCING or HALTED (the only way back to ACTIVE besides a configured new-day resume). Both the operator and the
/// reason are journaled. Tripped circuit breakers stay tripped, so the same loss does not trip them again at once.
/// Replies <see cref="RiskCommandResult"/>.
/// </summary>
public sealed record ResumeTrading(string Operator, string Reason);

/// <summary>
/// A new trading day (exchange-local date) opens with <paramref name="OpenNav"/>: the daily loss and intraday measures
/// start from it and the daily breakers re-arm. The trade count belongs to the trading date, not to this message: orders
/// of the same date placed before it still count (see <c>TradeDay</c>). Idempotent per date; an earlier date than the
/// current day is refused. Replies <see cref="RiskCommandResult"/>.
/// </summary>
public sealed record StartOfDay(DateOnly Date, decimal OpenNav);

/// <summary>The outcome of <see cref="ResumeTrading"/> or <see cref="StartOfDay"/> and the state after it.</summary>
public sealed record RiskCommandResult(bool Accepted, string Message, RiskStateView State);

/// <summary>
/// The risk manager now: trading state, the NAVs losses are measured from, today's trade count (and the trading date it
/// belongs to), the tripped breakers and the automatic actions, and the limits in force. Figures are null until the
/// ledger or a start of day gave them.
/// </summary>
public sealed record RiskStateView(
    string AccountId,
    TradingStatus Status,
    decimal? Nav,
    decimal? PeakNav,
    DateOnly? Day,
    decimal? DayOpenNav,
    decimal? DayHighNav,
    decimal? Drawdown,
    decimal? DailyLoss,
    decimal? IntradayDrawdown,
    int TradesToday,
    IReadOnlyList<string> TrippedBreakers,
    int ActionsTaken,
    int ActionsPending,
    RiskSettings Limits,
    DateOnly? TradeDate = null);

/// <summary>Published on the event stream for every journaled risk event and for every batch with refused orders.</summary>
public sealed record RiskEventOccurred(string AccountId, object Event);

/// <summary>
/// The risk alert: published on the event stream (and logged as an error) when automatic action <see cref="Number"/> was
/// given up because the broker rejected its order for <see cref="Symbol"/> <see cref="Attempts"/> times
/// (actortrader.risk.action-max-attempts); trading is HALTED. <see cref="Rejection"/> is the broker's last reason,
/// <see cref="Message"/> says what happened and what to check.
/// </summary>
public sealed record RiskActionAlert(string AccountId, int Number, RiskAction Action, string Symbol, int Attempts, string Rejection, string Message, DateTimeOffset At);

/// <summary>Published (not journaled) when <see cref="CheckOrders"/> refused orders.</summary>
public sealed record RiskOrdersRefused(IReadOnlyList<RefusedOrder> Refused, DateTimeOffset At);

/// <summary>Timer tick: the next attempt of unfinished automatic action <paramref name="Number"/>.</summary>
internal sealed record RetryRiskAction(int Number);

/// <summary>Timer tick: the order manager has not told today's orders yet; ask again.</summary>
internal sealed record TodaysOrdersOverdue
{
    public static TodaysOrdersOverdue Instance { get; } = new();
}
