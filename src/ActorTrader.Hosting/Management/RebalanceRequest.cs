namespace ActorTrader.Hosting.Management;

/// <summary><c>POST /api/rebalance</c>: rebalance one sleeve, or all when <paramref name="Sleeve"/> is null.</summary>
public sealed record RebalanceRequest(string? Sleeve);
