namespace ActorTrader.Hosting.Management;

/// <summary><c>GET /api/status</c>: what the node is and whether it is halted.</summary>
/// <param name="Node">Node name.</param>
/// <param name="Roles">Roles it plays.</param>
/// <param name="Version">Node software version.</param>
/// <param name="StartedAt">When the node started (UTC).</param>
/// <param name="UptimeSeconds">Seconds since start.</param>
/// <param name="Halted">True while trading is halted.</param>
/// <param name="HaltReason">Why it is halted.</param>
/// <param name="HaltedSince">Since when.</param>
/// <param name="HaltedBy">operator, kill-switch or fail-closed.</param>
/// <param name="Pid">Process id.</param>
/// <param name="ConfigSource">The configuration layers, lowest first.</param>
public sealed record NodeStatus(
    string Node,
    IReadOnlyList<string> Roles,
    string Version,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    bool Halted,
    string? HaltReason,
    DateTimeOffset? HaltedSince,
    string? HaltedBy,
    int Pid,
    string ConfigSource)
{
    /// <summary>The trading core's state; null when the node runs none (no --replay or --live-clock, or no trader role).</summary>
    public TradingStatusView? Trading { get; init; }
}
