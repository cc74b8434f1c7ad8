using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.Actions;

/// <summary>
/// One position's part of an unfinished automatic action: the order for it (none for a cancel-only part, which only
/// removes the stop of a position that is gone), the stops it replaces, and how far it got. Attempt 1 uses the
/// journaled order's client order id; a later attempt (journaled as <see cref="RiskActionRetried"/>) gets the leg
/// <c>&lt;leg&gt;-&lt;attempt&gt;</c> and so a new id, because the broker refused the one before and the order manager
/// never places an id twice.
/// </summary>
internal sealed class PendingActionOrder
{
    private readonly HashSet<string> _previousStops;
    private readonly List<string> _earlierAttempts = [];
    private readonly string _accountId;
    private readonly string _rebalanceId;
    private readonly string _reason;

    public PendingActionOrder(string symbol, RiskActionOrder? planned, IReadOnlyList<string> previousStops, string accountId, string rebalanceId, string reason)
    {
        Symbol = symbol;
        Planned = planned;
        PreviousStops = previousStops;
        _previousStops = previousStops.ToHashSet(StringComparer.Ordinal);
        _accountId = accountId;
        _rebalanceId = rebalanceId;
        _reason = reason;
        Intent = planned?.ToIntent(accountId, rebalanceId, reason);
        Stage = _previousStops.Count > 0 ? ActionOrderStage.Replacing : planned is null ? ActionOrderStage.Done : ActionOrderStage.ToSubmit;
    }

    public string Symbol { get; }

    /// <summary>The journaled order, or null for a cancel-only part.</summary>
    public RiskActionOrder? Planned { get; }

    /// <summary>Every stop this part replaces, as decided when the action was journaled.</summary>
    public IReadOnlyList<string> PreviousStops { get; }

    /// <summary>The replaced stops not yet known to be gone.</summary>
    public IReadOnlyCollection<string> StopsStillWorking => _previousStops;

    /// <summary>Ids of earlier attempts (refused by the broker, so gone).</summary>
    public IReadOnlyList<string> EarlierAttempts => _earlierAttempts;

    public int Attempt { get; private set; } = 1;

    /// <summary>The order of the current attempt; null for a cancel-only part.</summary>
    public OrderIntent? Intent { get; private set; }

    public ActionOrderStage Stage { get; set; }

    /// <summary>Why the last attempt did not get through, or why the part was skipped.</summary>
    public string? Problem { get; set; }

    /// <summary>A replaced stop filled: the position this order was sized for has changed, so it is not placed.</summary>
    public bool PreviousStopFilled { get; private set; }

    public bool IsFinished => Stage is ActionOrderStage.Done or ActionOrderStage.Skipped;

    public bool IsCurrent(string clientOrderId) => Intent is { } intent && string.Equals(intent.ClientOrderId, clientOrderId, StringComparison.Ordinal);

    public bool Replaces(string clientOrderId) => Stage == ActionOrderStage.Replacing && _previousStops.Contains(clientOrderId);

    /// <summary>A replaced stop can no longer work (final, or unknown to the order manager); true when the part may go on.</summary>
    public bool PreviousStopGone(string clientOrderId, decimal filledQuantity)
    {
        if (!_previousStops.Remove(clientOrderId)) return false;
        if (filledQuantity > 0m)
        {
            PreviousStopFilled = true;
            Problem = $"previous stop {clientOrderId} filled {RiskText.Quantity(filledQuantity)}; no new stop is placed for {Symbol} (the position it was sized for changed)";
        }
        if (_previousStops.Count > 0) return false;
        Stage = Planned is null ? ActionOrderStage.Done : PreviousStopFilled ? ActionOrderStage.Skipped : ActionOrderStage.ToSubmit;
        return true;
    }

    /// <summary>Moves to <paramref name="attempt"/> with its own client order id (applied from <see cref="RiskActionRetried"/>).</summary>
    public void Retry(int attempt)
    {
        if (Planned is null || attempt <= Attempt) return;
        _earlierAttempts.Add(Intent!.ClientOrderId);
        Attempt = attempt;
        Intent = (Planned with { Leg = $"{Planned.Leg}-{attempt}" }).ToIntent(_accountId, _rebalanceId, _reason);
        Stage = ActionOrderStage.ToSubmit;
        Problem = null;
    }
}
