namespace ActorTrader.Trading.Risk.Actions;

/// <summary>
/// An automatic action sent to the order manager and not yet carried out: the cancel of all open orders and one part per
/// position (<see cref="PendingActionOrder"/>). Rebuilt from <see cref="RiskActionTaken"/> and <see cref="RiskActionRetried"/>
/// on recovery, so an action a crash interrupted is sent again with the same client order ids (the order manager places
/// each id once, so that is safe). Carried out means: the cancel was done and the broker acknowledged every order.
/// </summary>
internal sealed class PendingRiskAction
{
    public PendingRiskAction(RiskActionTaken taken, IReadOnlyList<PendingActionOrder> orders)
    {
        ArgumentNullException.ThrowIfNull(taken);
        Number = taken.Number;
        Action = taken.Action;
        Reason = taken.Reason;
        Cancel = taken.CancelOpenOrders ? CancelStage.ToSend : CancelStage.None;
        Orders = orders;
    }

    public int Number { get; }

    public RiskAction Action { get; }

    public string Reason { get; }

    public CancelStage Cancel { get; set; }

    /// <summary>Why the last cancel of all open orders was not carried out.</summary>
    public string? CancelProblem { get; set; }

    public IReadOnlyList<PendingActionOrder> Orders { get; }

    /// <summary>Attempts made after the first send (they set the wait before the next one).</summary>
    public int Attempts { get; set; }

    /// <summary>Set once <see cref="RiskActionCompleted"/> is on its way to the journal.</summary>
    public bool Completing { get; set; }

    /// <summary>Set once the broker rejected a part action-max-attempts times and the halt is on its way to the journal.</summary>
    public bool GivingUp { get; set; }

    public bool IsCarriedOut => Cancel is CancelStage.None or CancelStage.Done && Orders.All(o => o.IsFinished);

    /// <summary>Orders the broker has (cancel-only parts are not orders).</summary>
    public int Accepted => Orders.Count(o => o.Planned is not null && o.Stage == ActionOrderStage.Done);

    public IReadOnlyList<string> Skipped => [.. Orders.Where(o => o.Stage == ActionOrderStage.Skipped).Select(o => $"{o.Symbol}: {o.Problem}")];

    public PendingActionOrder? PartOf(string symbol) => Orders.FirstOrDefault(o => string.Equals(o.Symbol, symbol, StringComparison.Ordinal));

    /// <summary>The highest attempt any part reached: the next retry's ids use the one after, so an id is never reused.</summary>
    public int HighestAttempt => Orders.Count == 0 ? 1 : Orders.Max(o => o.Attempt);
}
