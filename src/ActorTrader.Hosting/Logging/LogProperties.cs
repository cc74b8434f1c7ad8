namespace ActorTrader.Hosting.Logging;

/// <summary>Names of the properties every node log event may carry.</summary>
public static class LogProperties
{
    public const string Node = "Node";
    public const string Roles = "Roles";

    /// <summary>Added by the actor runtime's <c>Context.GetLogger()</c>.</summary>
    public const string ActorPath = "ActorPath";

    /// <summary>Pushed per management request (header <c>X-Correlation-Id</c>) and carried into actor messages.</summary>
    public const string CorrelationId = "CorrelationId";
}
