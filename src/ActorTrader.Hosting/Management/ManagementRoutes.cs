namespace ActorTrader.Hosting.Management;

/// <summary>The management API's routes; all but <see cref="Health"/> need the bearer token.</summary>
public static class ManagementRoutes
{
    public const string Health = "/health";
    public const string Status = "/api/status";
    public const string Halt = "/api/halt";
    public const string Resume = "/api/resume";
    public const string Rebalance = "/api/rebalance";
    public const string Errors = "/api/errors";
    public const string Positions = "/api/positions";
    public const string Orders = "/api/orders";
    public const string Pnl = "/api/pnl";

    /// <summary>Request header that carries a correlation id into the node's logs.</summary>
    public const string CorrelationIdHeader = "X-Correlation-Id";
}
