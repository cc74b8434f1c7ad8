namespace ActorTrader.Hosting.Settings;

/// <summary><c>actortrader.management.dashboard</c>: the web dashboard the node serves beside its management API.</summary>
/// <param name="Enabled">Whether the dashboard (login page, page, live updates) is served.</param>
/// <param name="UpdateInterval">How often a snapshot is built and pushed to open pages.</param>
/// <param name="Benchmark">Symbol whose daily bars in the lakehouse the beta is measured against; empty for none.</param>
public sealed record DashboardSettings(bool Enabled, TimeSpan UpdateInterval, string Benchmark)
{
    public static DashboardSettings Default { get; } = new(true, TimeSpan.FromSeconds(1), "SPY");
}
