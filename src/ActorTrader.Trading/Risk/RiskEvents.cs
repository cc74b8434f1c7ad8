using ActorTrader.Persistence.Serialization;
using ActorTrader.Trading.Risk.Actions;

namespace ActorTrader.Trading.Risk;

/// <summary>Journaled: the trading state changed, why, by whom (<c>risk</c>, <c>new-day</c> or the operator's name) and when.</summary>
public sealed record RiskTradingStateChanged(TradingState From, TradingState To, string Reason, string ChangedBy, DateTimeOffset At);

/// <summary>Journaled: a trading day started with this NAV; the named tripped breakers were re-armed.</summary>
public sealed record RiskDayStarted(DateOnly Date, decimal OpenNav, IReadOnlyList<string> Rearmed, DateTimeOffset At);

/// <summary>
/// These intents passed the pre-trade checks. Journaled by earlier versions (still read from old journals); now only
/// published, because the trade count is recovered from the order manager's journal (see <see cref="RiskActor"/>).
/// </summary>
public sealed record RiskOrdersApproved(IReadOnlyList<string> ClientOrderIds, DateTimeOffset At);

/// <summary>Journaled: the peak NAV (and the day's high) rose; written in steps, see <see cref="RiskActor"/>.</summary>
public sealed record RiskNavHighsRaised(decimal PeakNav, decimal? DayHighNav, DateTimeOffset At);

/// <summary>
/// Journaled before anything is sent: circuit breakers tripped and automatic action <paramref name="Number"/> was decided,
/// with its orders (enough to send the same client order ids again). <paramref name="Executed"/> is false when trading
/// was already halted: the breakers count as tripped but nothing is sent.
/// </summary>
public sealed record RiskActionTaken(
    int Number,
    RiskAction Action,
    string Reason,
    IReadOnlyList<string> Breakers,
    bool Executed,
    bool CancelOpenOrders,
    IReadOnlyList<RiskActionOrder> Orders,
    IReadOnlyList<string> Skipped,
    DateTimeOffset At);

/// <summary>
/// Journaled: action <paramref name="Number"/> was carried out (the cancel done, every order acknowledged by the broker);
/// it is not sent again. <paramref name="Refusals"/> names the orders deliberately not placed.
/// </summary>
public sealed record RiskActionCompleted(int Number, int Accepted, IReadOnlyList<string> Refusals, DateTimeOffset At);

/// <summary>
/// Journaled before the orders are sent: the broker refused (or never had) the orders of action <paramref name="Number"/>
/// in <paramref name="Symbols"/>, so they are placed again as attempt <paramref name="Attempt"/>, whose leg
/// <c>&lt;leg&gt;-&lt;attempt&gt;</c> gives each a new client order id (the same one again after a restart).
/// </summary>
public sealed record RiskActionRetried(int Number, int Attempt, IReadOnlyList<string> Symbols, string Reason, DateTimeOffset At);

/// <summary>The stable manifest names of the risk manager's events; never rename one (old journals use it).</summary>
public static class RiskEvents
{
    public static EventSerializer Register(EventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return serializer
            .Register<RiskTradingStateChanged>("risk-trading-state-changed")
            .Register<RiskDayStarted>("risk-day-started")
            .Register<RiskOrdersApproved>("risk-orders-approved")
            .Register<RiskNavHighsRaised>("risk-nav-highs-raised")
            .Register<RiskActionTaken>("risk-action-taken")
            .Register<RiskActionCompleted>("risk-action-completed")
            .Register<RiskActionRetried>("risk-action-retried");
    }
}
