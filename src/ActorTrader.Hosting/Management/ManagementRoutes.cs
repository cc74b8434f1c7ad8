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
    public const string Cluster = "/api/cluster";
    public const string Alerts = "/api/alerts";
    public const string Backup = "/api/backup";

    /// <summary>The node's metrics as a JSON summary (needs the token, like /api).</summary>
    public const string Metrics = "/metrics";
    public const string ResearchStatus = "/api/research/status";
    public const string ResearchStart = "/api/research/start";
    public const string ResearchStop = "/api/research/stop";

    /// <summary>Route template of a strategy's history; <see cref="ResearchHistoryOf"/> fills it in.</summary>
    public const string ResearchHistory = "/api/research/history/{strategy}";
    public const string ResearchCandidates = "/api/research/candidates";
    public const string ResearchPromote = "/api/research/promote";

    /// <summary>The history route of <paramref name="strategy"/>, escaped.</summary>
    public static string ResearchHistoryOf(string strategy)
    {
        ArgumentException.ThrowIfNullOrEmpty(strategy);
        return "/api/research/history/" + Uri.EscapeDataString(strategy);
    }

    /// <summary>Request header that carries a correlation id into the node's logs.</summary>
    public const string CorrelationIdHeader = "X-Correlation-Id";
}
