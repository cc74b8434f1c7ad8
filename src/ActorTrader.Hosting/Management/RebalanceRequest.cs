namespace ActorTrader.Hosting.Management;

/// <summary>
/// <c>POST /api/rebalance</c>: rebalance one sleeve, or all when <paramref name="Sleeve"/> is null; with
/// <paramref name="Cluster"/> the trader nodes of a cluster place the sleeves again instead (<c>rebalance --cluster</c>).
/// </summary>
public sealed record RebalanceRequest(string? Sleeve, bool Cluster = false);
