namespace ActorTrader.Hosting.Management;

/// <summary><c>GET /health</c>: the node answers; needs no token.</summary>
public sealed record HealthResponse(string Status, string Node);
