namespace ActorTrader.Hosting.Settings;

/// <summary><c>actortrader.management</c>: the loopback HTTP API the CLI talks to.</summary>
/// <param name="Host">Loopback address to bind.</param>
/// <param name="Port">TCP port; 0 picks a free one, published through <paramref name="EndpointFile"/>.</param>
/// <param name="TokenFile">Absolute path of the 0600 bearer-token file.</param>
/// <param name="EndpointFile">Absolute path of the file in which a running node writes its URL and pid.</param>
public sealed record ManagementSettings(string Host, int Port, string TokenFile, string EndpointFile)
{
    /// <summary><c>actortrader.management.dashboard</c>: the web dashboard served beside the API.</summary>
    public DashboardSettings Dashboard { get; init; } = DashboardSettings.Default;

    /// <summary>The URL the configuration names (the endpoint file has the real one when the port is 0).</summary>
    public Uri ConfiguredUrl => new($"http://{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port}/");
}
