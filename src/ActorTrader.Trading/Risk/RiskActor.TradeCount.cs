using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk.TradeCount;

namespace ActorTrader.Trading.Risk;

// The daily trade count, with ONE durable write between a signal and the broker: the order manager's OrderSubmitted.
// A check journals nothing; its approvals count in memory at once. It stays fail-closed across a crash because the
// order manager's journal is the record of what was placed and is written before every broker call: on every (re)start
// the risk manager asks the order manager for its book, counts each order placed since the trading day began, and
// holds every check until that answer is in. An approval a crash lost belongs to an order that never reached the
// broker (its OrderSubmitted was not written), so the count is never lower than the orders submitted that day. Orders
// placed while risk runs (by anyone: rebalances, risk's own actions, the operator's flatten) count as the order
// manager reports them (OrderChanged), which also covers an approval of a previous incarnation submitted late.
public sealed partial class RiskActor
{
    private const string OrdersQueryTimer = "ask-for-todays-orders";

    private readonly DailyTradeCount _trades = new();

    /// <summary>Approvals journaled by earlier versions, counted like the order manager's orders once the day is known.</summary>
    private readonly List<RiskOrdersApproved> _journaledApprovals = [];

    private bool _tradesKnown;

    /// <summary>The count of the trading day at now (moved to a new day, and emptied, when the date changed).</summary>
    private DailyTradeCount Trades
    {
        get
        {
            var named = _day is { } date && _dayStartedAt is { } at ? (date, at) : ((DateOnly, DateTimeOffset)?)null;
            _trades.MoveTo(TradeDay.At(Now, _calendar, named));
            return _trades;
        }
    }

    /// <summary>
    /// Fail closed: until the day's trades are known, checks (and the commands whose answers show the count) wait in the
    /// stash; monitoring and the automatic actions go on.
    /// </summary>
    private bool WaitsForTodaysOrders()
    {
        if (_tradesKnown) return false;
        Stash.Stash();
        return true;
    }

    private void AskTodaysOrders()
    {
        _orderManager.Tell(TodaysOrdersQuery(), Self);
        if (!Timers.IsTimerActive(OrdersQueryTimer)) Timers.StartPeriodicTimer(OrdersQueryTimer, TodaysOrdersOverdue.Instance, _settings.ActionResendInterval);
    }

    private void AskTodaysOrdersAgain()
    {
        if (_tradesKnown)
        {
            Timers.Cancel(OrdersQueryTimer);
            return;
        }
        Log.Warning("Risk of account {Account} has not heard from the order manager which orders it placed today; checks wait (fail closed); asking again", _accountId);
        _orderManager.Tell(TodaysOrdersQuery(), Self);
    }

    /// <summary>Only the day's orders, so a long history costs the order manager a filter, not a copy of its book.</summary>
    private GetOrders TodaysOrdersQuery() => new(SubmittedSince: Trades.Day?.Since);

    private void OnTodaysOrders(OrdersView view)
    {
        var trades = Trades;
        foreach (var order in view.Orders) trades.AddIfPlacedToday(order);
        if (trades.Day is { } day)
        {
            foreach (var id in _journaledApprovals.Where(a => a.At >= day.Since).SelectMany(a => a.ClientOrderIds)) trades.Add(id);
        }
        _journaledApprovals.Clear();
        if (_tradesKnown) return;
        _tradesKnown = true;
        Timers.Cancel(OrdersQueryTimer);
        Log.Info("Risk of account {Account}: {Count} trades on {Date} so far, from the order manager's journal", _accountId, trades.Count, trades.Day?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Stash.UnstashAll();
    }

    private void OnOrderChanged(OrderChanged changed)
    {
        Trades.AddIfPlacedToday(changed.Order);
        OnOrderNews(changed.Order.ClientOrderId, changed.Order);
    }
}
