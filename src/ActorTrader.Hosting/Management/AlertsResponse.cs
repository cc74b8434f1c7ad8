namespace ActorTrader.Hosting.Management;

/// <summary><c>GET /api/alerts[?limit=N]</c>: the node's newest alerts, newest first.</summary>
public sealed record AlertsResponse(IReadOnlyList<AlertView> Alerts);

/// <summary>One alert: kind, severity (info, warning, critical), de-duplication key, message, when, and repeats folded in (the last at <paramref name="LastAt"/>).</summary>
public sealed record AlertView(string Kind, string Severity, string Key, string Message, DateTimeOffset At, int Repeats, DateTimeOffset LastAt);
