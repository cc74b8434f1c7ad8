using System.Globalization;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk.Actions;

namespace ActorTrader.Trading.Risk;

// Automatic actions after they are journaled: driven until carried out — the cancel of all open orders done and every
// order acknowledged by the broker — or superseded by a trading state change or a newer action at least as severe.
// What the order manager refused is sent again with the same id; what the broker refused is placed again under a new
// id (journaled first, RiskActionRetried). Each attempt is logged and waits twice as long as the one before (on the
// actor scheduler), up to actortrader.risk's retry cap. A broker rejection of a part's action-max-attempts-th order is
// taken as permanent: the action is given up, the risk alert raised and trading moves to HALTED. TIGHTEN_STOPS keeps one protective stop per position: a new
// stop is placed only once the position's previous stops are gone, and the stop of a position that is gone is cancelled.
public sealed partial class RiskActor
{
    private readonly SortedDictionary<int, PendingRiskAction> _pending = [];
    private readonly ProtectiveStops _stops = new();

    private static string TimerOf(int number) => "risk-action-" + number.ToString(CultureInfo.InvariantCulture);

    private void Apply(RiskActionTaken taken)
    {
        _actionCount = Math.Max(_actionCount, taken.Number);
        _tripped.UnionWith(taken.Breakers);
        if (!taken.Executed) return;
        foreach (var older in _pending.Values.Where(p => p.Action <= taken.Action).ToList())
            Abandon(older, $"superseded by action {taken.Number} ({RiskNames.Of(taken.Action)})");
        _pending[taken.Number] = Pending(taken);
    }

    /// <summary>The action's parts; for TIGHTEN_STOPS each stop replaces the position's earlier ones, and stops of positions that are gone are cancelled.</summary>
    private PendingRiskAction Pending(RiskActionTaken taken)
    {
        var rebalanceId = RiskActionPlanner.RebalanceId(taken.Action, taken.Number);
        var stops = taken.Action == RiskAction.TightenStops;
        var parts = new List<PendingActionOrder>();
        foreach (var order in taken.Orders)
        {
            var part = new PendingActionOrder(order.Symbol, order, stops ? _stops.Of(order.Symbol) : [], _accountId, rebalanceId, taken.Reason);
            parts.Add(part);
            if (stops) _stops.Placed(order.Symbol, part.Intent!.ClientOrderId, taken.Number);
        }
        if (stops)
        {
            // Such a stop would open a position if it triggered: it goes, and nothing takes its place.
            var covered = taken.Orders.Select(o => o.Symbol).ToHashSet(StringComparer.Ordinal);
            foreach (var symbol in _stops.Symbols.Where(s => !covered.Contains(s)).ToList())
                parts.Add(new PendingActionOrder(symbol, null, _stops.Of(symbol), _accountId, rebalanceId, taken.Reason));
        }
        return new PendingRiskAction(taken, parts);
    }

    private void Apply(RiskActionRetried retried)
    {
        if (!_pending.TryGetValue(retried.Number, out var pending)) return;
        foreach (var symbol in retried.Symbols)
        {
            if (pending.PartOf(symbol) is not { } part) continue;
            part.Retry(retried.Attempt);
            if (pending.Action == RiskAction.TightenStops && part.Intent is { } intent) _stops.Placed(symbol, intent.ClientOrderId, pending.Number);
        }
    }

    private void Apply(RiskActionCompleted completed)
    {
        if (!_pending.Remove(completed.Number, out var pending)) return;
        if (pending.Action == RiskAction.TightenStops) _stops.Gone(pending.Orders.SelectMany(o => o.PreviousStops.Concat(o.EarlierAttempts)));
        if (pending.Cancel != CancelStage.None) _stops.CancelledBefore(pending.Number);
    }

    private void Abandon(PendingRiskAction pending, string why)
    {
        _pending.Remove(pending.Number);
        Timers.Cancel(TimerOf(pending.Number));
        if (!IsRecovering) Log.Warning("Risk action {Number} ({Action}) of account {Account} is no longer tried: {Why}", pending.Number, RiskNames.Of(pending.Action), _accountId, why);
    }

    /// <summary>Sends everything the action still needs and schedules its next attempt.</summary>
    private void Start(PendingRiskAction pending)
    {
        Drive(pending);
        Timers.StartSingleTimer(TimerOf(pending.Number), new RetryRiskAction(pending.Number), NextWait(pending));
    }

    private TimeSpan NextWait(PendingRiskAction pending) => RetryBackoff.Delay(_settings.ActionResendInterval, _settings.ActionRetryMaxInterval, pending.Attempts);

    private void Drive(PendingRiskAction pending)
    {
        DriveCancel(pending);
        foreach (var part in pending.Orders) Drive(pending, part);
    }

    private void DriveCancel(PendingRiskAction pending)
    {
        if (pending.Cancel is not (CancelStage.ToSend or CancelStage.Sent or CancelStage.Failed)) return;
        pending.Cancel = CancelStage.Sent;
        _orderManager.Tell(new CancelAllOpenOrders($"risk action {pending.Number}: {pending.Reason}"), Self);
    }

    private void Drive(PendingRiskAction pending, PendingActionOrder part)
    {
        switch (part.Stage)
        {
            case ActionOrderStage.Replacing:
                foreach (var stop in part.StopsStillWorking.Order(StringComparer.Ordinal))
                {
                    _orderManager.Tell(new CancelOrder(stop, $"risk action {pending.Number} replaces the stop of {part.Symbol}: {pending.Reason}"), Self);
                    // The answer (or the news that follows) tells when the stop can no longer work.
                    _orderManager.Tell(new GetOrder(stop), Self);
                }
                break;
            case ActionOrderStage.ToSubmit or ActionOrderStage.Submitted or ActionOrderStage.Refused:
                part.Stage = ActionOrderStage.Submitted;
                _orderManager.Tell(new SubmitOrder(part.Intent!), Self);
                break;
            case ActionOrderStage.AtBroker:
                _orderManager.Tell(new GetOrder(part.Intent!.ClientOrderId), Self);
                break;
        }
    }

    private void OnRetry(RetryRiskAction retry)
    {
        if (!_pending.TryGetValue(retry.Number, out var pending) || pending.Completing || pending.GivingUp) return;
        if (pending.IsCarriedOut)
        {
            CompleteIfCarriedOut(pending);
            return;
        }
        pending.Attempts++;
        var wait = NextWait(pending);
        Log.Warning("Risk action {Number} ({Action}) of account {Account}, attempt {Attempt}: {Work}; next attempt in {Wait} s if still needed",
            pending.Number, RiskNames.Of(pending.Action), _accountId, pending.Attempts + 1, Outstanding(pending), wait.TotalSeconds);
        var rejected = pending.Orders.Where(o => o.Stage == ActionOrderStage.Rejected).ToList();
        DriveCancel(pending);
        foreach (var part in pending.Orders.Where(o => o.Stage != ActionOrderStage.Rejected)) Drive(pending, part);
        if (rejected.Count > 0)
        {
            var retried = new RiskActionRetried(pending.Number, pending.HighestAttempt + 1, [.. rejected.Select(o => o.Symbol)],
                string.Join("; ", rejected.Select(o => $"{o.Symbol}: {o.Problem}")), Now);
            Persist(retried, journaled =>
            {
                Apply(journaled);
                Publish(journaled);
                foreach (var part in rejected) Drive(pending, part);
            });
        }
        Timers.StartSingleTimer(TimerOf(pending.Number), new RetryRiskAction(pending.Number), wait);
    }

    private static string Outstanding(PendingRiskAction pending)
    {
        var work = new List<string>();
        if (pending.Cancel == CancelStage.Failed) work.Add($"cancel all open orders again ({pending.CancelProblem})");
        else if (pending.Cancel == CancelStage.Sent) work.Add("cancel all open orders again (no answer)");
        foreach (var part in pending.Orders)
        {
            var id = part.Intent?.ClientOrderId;
            switch (part.Stage)
            {
                case ActionOrderStage.Replacing:
                    work.Add($"{part.Symbol}: cancel the previous stop {string.Join(", ", part.StopsStillWorking.Order(StringComparer.Ordinal))} again");
                    break;
                case ActionOrderStage.Submitted:
                    work.Add($"{part.Symbol}: send order {id} again (no answer)");
                    break;
                case ActionOrderStage.Refused:
                    work.Add($"{part.Symbol}: send order {id} again (the order manager refused it: {part.Problem})");
                    break;
                case ActionOrderStage.AtBroker:
                    work.Add($"{part.Symbol}: ask where order {id} is (the broker has not acknowledged it)");
                    break;
                case ActionOrderStage.Rejected:
                    work.Add($"{part.Symbol}: place it again under a new client order id (order {id} was refused by the broker: {part.Problem})");
                    break;
            }
        }
        return string.Join("; ", work);
    }

    private IEnumerable<(PendingRiskAction Pending, PendingActionOrder Part)> Placing(string clientOrderId) =>
        [.. _pending.Values.SelectMany(p => p.Orders.Where(o => !o.IsFinished && o.IsCurrent(clientOrderId)).Select(o => (p, o)))];

    private void OnSubmitAccepted(OrderSubmitAccepted accepted)
    {
        foreach (var (_, part) in Placing(accepted.ClientOrderId))
        {
            if (part.Stage is ActionOrderStage.Submitted or ActionOrderStage.Refused) part.Stage = ActionOrderStage.AtBroker;
            // Known before (a resend): its news may all be past, so ask where it is now.
            if (accepted.AlreadyKnown) _orderManager.Tell(new GetOrder(accepted.ClientOrderId), Self);
        }
    }

    private void OnSubmitRefused(OrderSubmitRefused refused)
    {
        foreach (var (pending, part) in Placing(refused.ClientOrderId).Where(x => x.Part.Stage == ActionOrderStage.Submitted))
        {
            part.Stage = ActionOrderStage.Refused;
            part.Problem = refused.Reason;
            Log.Error("The order manager refused order {ClientOrderId} ({Symbol}) of risk action {Number} of account {Account}: {Reason}; it is sent again at the next attempt",
                refused.ClientOrderId, part.Symbol, pending.Number, _accountId, refused.Reason);
        }
    }

    /// <summary>What the order manager says of an order (null: it does not know it): an action's order, or a stop being replaced.</summary>
    private void OnOrderNews(string clientOrderId, OrderView? order)
    {
        foreach (var pending in _pending.Values.ToList())
        {
            var moved = false;
            foreach (var part in pending.Orders)
            {
                if (!part.IsFinished && part.IsCurrent(clientOrderId)) moved |= OnOwnOrder(pending, part, order);
                else if (part.Replaces(clientOrderId) && (order is null || order.Status.IsTerminal()) && part.PreviousStopGone(clientOrderId, order?.FilledQuantity ?? 0m))
                {
                    moved = true;
                    if (part.Stage == ActionOrderStage.Skipped)
                        Log.Warning("Risk action {Number} of account {Account}: {Problem}", pending.Number, _accountId, part.Problem);
                    Drive(pending, part);
                }
            }
            if (moved) CompleteIfCarriedOut(pending);
        }
    }

    private bool OnOwnOrder(PendingRiskAction pending, PendingActionOrder part, OrderView? order)
    {
        if (part.Stage is not (ActionOrderStage.Submitted or ActionOrderStage.AtBroker)) return false;
        if (order is null)
        {
            // Only a lookup says this, after the submit was answered: the order manager does not have it after all.
            if (part.Stage != ActionOrderStage.AtBroker) return false;
            part.Stage = ActionOrderStage.Refused;
            part.Problem = "the order manager does not know it";
            return false;
        }
        if (order.Status.IsAwaitingBroker())
        {
            part.Stage = ActionOrderStage.AtBroker;
            return false;
        }
        if (order.Status is OrderState.Rejected or OrderState.NeverAccepted)
        {
            part.Stage = ActionOrderStage.Rejected;
            part.Problem = order.LastError ?? order.Status.ToWire();
            if (part.Attempt >= _settings.ActionMaxAttempts)
            {
                GiveUp(pending, part);
                return false;
            }
            Log.Error("The broker did not take order {ClientOrderId} ({Symbol}) of risk action {Number} of account {Account} ({Status}: {Reason}); it is placed again under a new client order id at the next attempt",
                order.ClientOrderId, part.Symbol, pending.Number, _accountId, order.Status.ToWire(), part.Problem);
            return false;
        }
        part.Stage = ActionOrderStage.Done;
        return true;
    }

    /// <summary>
    /// The broker rejected the part's last allowed order: another one would be rejected as well (a rule of the broker or
    /// the account, not a passing fault), so instead of placing orders forever trading halts and the operator decides.
    /// </summary>
    private void GiveUp(PendingRiskAction pending, PendingActionOrder part)
    {
        if (pending.GivingUp) return;
        pending.GivingUp = true;
        Timers.Cancel(TimerOf(pending.Number));
        var action = RiskNames.Of(pending.Action);
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"risk action {pending.Number} ({action}) given up: the broker rejected its order for {part.Symbol} {part.Attempt} times (action-max-attempts), last: {part.Problem}");
        var message = $"{reason}. Trading is HALTED. Fix: check why the broker rejects the order (account permissions, shortability, buying power, the symbol's status), " +
                      $"deal with the position of {part.Symbol} by hand if needed, then resume trading.";
        Persist(new RiskTradingStateChanged(_status.State, TradingState.Halted, reason, "risk", Now), changed =>
        {
            Apply(changed);
            Publish(changed);
            Log.Error("Risk of account {Account}: {Message}", _accountId, message);
            Context.System.EventStream.Publish(new RiskActionAlert(_accountId, pending.Number, pending.Action, part.Symbol, part.Attempt, part.Problem ?? "", message, changed.At));
            SendPermission();
        });
    }

    private void OnCancelRefused(OrderCancelRefused refused)
    {
        // Expected for a stop that is already final; the lookup sent with the cancel tells.
        if (_pending.Values.Any(p => p.Orders.Any(o => o.Replaces(refused.ClientOrderId))))
            Log.Info("Cancel of replaced stop {ClientOrderId} of account {Account} not requested: {Reason}", refused.ClientOrderId, _accountId, refused.Reason);
    }

    /// <summary>
    /// The reply names no request, so it answers the oldest cancel waiting for one: the order manager handles one sender's
    /// messages in order. A late duplicate after a resend may answer a newer one early; that only matters if the node
    /// crashes in between, and then the newer action is sent again anyway.
    /// </summary>
    private void CancelAllAnswered(string? failure)
    {
        var pending = _pending.Values.FirstOrDefault(p => p.Cancel == CancelStage.Sent);
        if (pending is null) return;
        if (failure is not null)
        {
            pending.Cancel = CancelStage.Failed;
            pending.CancelProblem = failure;
            Log.Error("Risk action {Number} of account {Account}: open orders were not cancelled: {Reason}; cancelling again at the next attempt", pending.Number, _accountId, failure);
            return;
        }
        pending.Cancel = CancelStage.Done;
        CompleteIfCarriedOut(pending);
    }

    private void CompleteIfCarriedOut(PendingRiskAction pending)
    {
        if (!pending.IsCarriedOut || pending.Completing) return;
        pending.Completing = true;
        Timers.Cancel(TimerOf(pending.Number));
        Persist(new RiskActionCompleted(pending.Number, pending.Accepted, pending.Skipped, Now), completed =>
        {
            Apply(completed);
            Publish(completed);
            Log.Info("Risk action {Number} ({Action}) of account {Account} carried out: {Accepted} orders at the broker", completed.Number, RiskNames.Of(pending.Action), _accountId, completed.Accepted);
        });
    }
}
