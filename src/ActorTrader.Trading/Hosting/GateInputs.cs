using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk;

namespace ActorTrader.Trading.Host;

/// <summary>
/// What the trading gate has heard, and the one permission that follows (fail closed): trading is allowed only once
/// reconciliation succeeded, the operator has not halted, risk is known and not HALTED, and no account actor stopped.
/// Risk REDUCING allows only orders that reduce exposure. Anything not yet known refuses, naming what is missing.
/// </summary>
/// <param name="Reconciled">Null until the account's reconciliation ended; then whether it succeeded.</param>
/// <param name="ReconciliationNote">Why reconciliation failed (or its id when it succeeded).</param>
/// <param name="Halt">The operator's halt; null until the control actor answered.</param>
/// <param name="Risk">The risk manager's state; null until it answered.</param>
/// <param name="RiskNote">The risk manager's reason for its state.</param>
/// <param name="Stopped">Set for good once an account actor stopped (the account cannot vouch for its state).</param>
public sealed record GateInputs(
    bool? Reconciled = null,
    string? ReconciliationNote = null,
    OperatorHalt? Halt = null,
    TradingState? Risk = null,
    string? RiskNote = null,
    string? Stopped = null)
{
    /// <summary>The permission these inputs give the order manager.</summary>
    public TradingPermission Permission()
    {
        if (Stopped is { } stopped) return Refuse($"an account actor stopped ({stopped}); restart the node after fixing the cause");
        if (Halt is { Halted: true } halt) return Refuse($"halted by {halt.HaltedBy ?? "the operator"}: {halt.Reason}");
        var missing = new List<string>();
        if (Halt is null) missing.Add("the operator's halt state");
        if (Reconciled is null) missing.Add("startup reconciliation");
        if (Risk is null) missing.Add("the risk manager's state");
        if (missing.Count > 0) return Refuse("waiting for " + string.Join(", ", missing));
        if (Reconciled is false) return Refuse($"reconciliation failed: {ReconciliationNote}");
        return Risk switch
        {
            TradingState.Halted => Refuse($"risk HALTED: {RiskNote}"),
            TradingState.Reducing => new TradingPermission(true, true, $"gate: risk REDUCING ({RiskNote}); only orders that reduce exposure"),
            _ => new TradingPermission(true, false, "gate: reconciled, not halted, risk ACTIVE"),
        };
    }

    /// <summary>True while an input is still unknown (and nothing already refuses for good).</summary>
    public bool Waiting => Stopped is null && Halt is not { Halted: true } && (Halt is null || Reconciled is null || Risk is null);

    public string DescribeReconciliation() => Reconciled switch
    {
        null => "unknown",
        true => "succeeded" + (ReconciliationNote is { } id ? $" ({id})" : ""),
        false => $"failed: {ReconciliationNote}",
    };

    public string DescribeHalt() => Halt switch
    {
        null => "unknown",
        { Halted: true } h => $"halted by {h.HaltedBy}: {h.Reason}{(h.Flatten ? " (flatten)" : "")}",
        _ => "not halted",
    };

    public string DescribeRisk() => Risk is { } state ? $"{RiskText.State(state)} ({RiskNote})" : "unknown";

    private static TradingPermission Refuse(string why) => new(false, false, "gate: " + why);
}
