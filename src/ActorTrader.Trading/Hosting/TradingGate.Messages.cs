using ActorTrader.Trading.Accounts;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Host;

// The trading gate's protocol. The gate stands in front of the order manager: every submit of the node (trading day,
// risk's automatic actions, the operator's flatten) passes it, and it alone tells the order manager who may trade.

/// <summary>
/// The operator's halt as the node's control actor holds it (journaled there): published on the event stream after
/// recovery and after every change, and the answer to <see cref="GetOperatorHalt"/>. <see cref="Flatten"/> is true while
/// the current halt asked for every position to be closed (<c>actortrader halt --flatten</c>).
/// </summary>
public sealed record OperatorHalt(bool Halted, string? Reason, DateTimeOffset? Since, string? HaltedBy, bool Flatten = false)
{
    public static OperatorHalt Active { get; } = new(false, null, null, null);

    /// <summary>The rebalance id of this halt's flatten orders: the same for one halt, however often it is asked for.</summary>
    public string FlattenRebalanceId => "halt-" + (Since ?? DateTimeOffset.UnixEpoch).UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Asks the holder of the operator's halt (the node's control actor) for it; replies <see cref="OperatorHalt"/>.</summary>
public sealed record GetOperatorHalt
{
    public static GetOperatorHalt Instance { get; } = new();
}

/// <summary>The account's actors are up: the gate may ask them and forward to the order manager (messages wait until then).</summary>
public sealed record AttachAccount(AccountRefs Refs);

/// <summary>Asks the gate for its view; replies <see cref="GateState"/>.</summary>
public sealed record GetGateState
{
    public static GetGateState Instance { get; } = new();
}

/// <summary>
/// What the gate knows and what it concluded: the permission last sent to the order manager, and each input
/// (<c>unknown</c> until heard of), plus the last flatten.
/// </summary>
public sealed record GateState(
    string AccountId,
    TradingPermission Permission,
    string Reconciliation,
    string OperatorHalt,
    string Risk,
    bool Attached,
    FlattenCompleted? LastFlatten)
{
    /// <summary>True while an input is still unknown (just after a start) and nothing refuses for good yet.</summary>
    public bool Waiting { get; init; }
}

/// <summary>Published when the orders closing every position for a halt with flatten were all answered by the order manager.</summary>
public sealed record FlattenCompleted(string AccountId, string RebalanceId, int Positions, int Accepted, IReadOnlyList<string> Refused, IReadOnlyList<string> Skipped);

/// <summary>Published when the gate changed the permission it gives the order manager.</summary>
public sealed record TradingPermissionChanged(string AccountId, TradingPermission Permission);
