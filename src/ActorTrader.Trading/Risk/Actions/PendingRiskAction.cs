using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.Actions;

/// <summary>
/// An automatic action sent to the order manager and not yet answered in full: the cancel-all and the orders still
/// waiting for an answer. Rebuilt from <see cref="RiskActionTaken"/> on recovery, so an action a crash interrupted is
/// sent again (the order manager places each client order id once, so that is safe).
/// </summary>
internal sealed class PendingRiskAction
{
    private readonly Dictionary<string, OrderIntent> _unanswered;

    public PendingRiskAction(RiskActionTaken taken, string accountId)
    {
        Number = taken.Number;
        Reason = taken.Reason;
        CancelUnanswered = taken.CancelOpenOrders;
        var rebalanceId = RiskActionPlanner.RebalanceId(taken.Action, taken.Number);
        Orders = [.. taken.Orders.Select(o => o.ToIntent(accountId, rebalanceId, taken.Reason))];
        _unanswered = Orders.ToDictionary(o => o.ClientOrderId, StringComparer.Ordinal);
    }

    public int Number { get; }

    public string Reason { get; }

    public IReadOnlyList<OrderIntent> Orders { get; }

    public bool CancelUnanswered { get; set; }

    public int Accepted { get; private set; }

    public List<string> Refusals { get; } = [];

    /// <summary>Set once <see cref="RiskActionCompleted"/> is on its way to the journal.</summary>
    public bool Completing { get; set; }

    public IEnumerable<OrderIntent> Unanswered => Orders.Where(o => _unanswered.ContainsKey(o.ClientOrderId));

    public bool AllAnswered => !CancelUnanswered && _unanswered.Count == 0;

    public bool Awaits(string clientOrderId) => _unanswered.ContainsKey(clientOrderId);

    public void Accept(string clientOrderId)
    {
        if (_unanswered.Remove(clientOrderId)) Accepted++;
    }

    public void Refuse(string clientOrderId, string reason)
    {
        if (_unanswered.Remove(clientOrderId)) Refusals.Add($"{clientOrderId}: {reason}");
    }
}
