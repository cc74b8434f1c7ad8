using ActorTrader.Actors;
using ActorTrader.Hosting.Alerts;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Control;
using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Alerts;
using ActorTrader.Node.Cluster;
using ActorTrader.Node.Dashboard;
using ActorTrader.Node.Operations;
using ActorTrader.Node.Research;
using ActorTrader.Node.Trading;

namespace ActorTrader.Node.Hosting;

/// <summary>What the management API needs from the running node.</summary>
/// <param name="Settings">The node's settings.</param>
/// <param name="Config">The loaded configuration (for its source description).</param>
/// <param name="Control">The <c>/user/control</c> actor.</param>
/// <param name="Token">The bearer token; never logged.</param>
/// <param name="StartedAt">When the node started.</param>
/// <param name="Time">The clock.</param>
internal sealed record NodeContext(NodeSettings Settings, LoadedConfig Config, IActorRef Control, string Token, DateTimeOffset StartedAt, TimeProvider Time)
{
    private volatile NodeTrading? _trading;
    private volatile NodeResearch? _research;
    private volatile NodeCluster? _cluster;

    /// <summary>The node's cluster membership when actortrader.cluster.enabled = on; null on a single node.</summary>
    public NodeCluster? Cluster
    {
        get => _cluster;
        set => _cluster = value;
    }

    /// <summary>The trading core once it is composed; null while there is none (or before it started).</summary>
    public NodeTrading? Trading
    {
        get => _trading;
        set => _trading = value;
    }

    /// <summary>The research supervisor of a node with role research; null on a node without it.</summary>
    public NodeResearch? Research
    {
        get => _research;
        set => _research = value;
    }

    /// <summary>The node's alerts (de-duplicated, rate-limited, sent to the log and the webhook); null only in tests that run without them.</summary>
    public AlertCenter? Alerts { get; init; }

    /// <summary>The newest bar seen from each market-data source (the dashboard's freshness panel); null without alerts.</summary>
    public DataFreshnessBoard? Freshness { get; init; }

    /// <summary>The node's instruments (requests, process, orders, NAV, alerts); null in tests without them.</summary>
    public NodeMetrics? Metrics { get; init; }

    /// <summary>What <c>GET /metrics</c> shows, collected in-process from <see cref="Metrics"/>.</summary>
    public MetricsSummary? MetricsSummary { get; init; }

    /// <summary>The journal the node writes and the directory its state files resolve against (for online backups); null in tests without one.</summary>
    public NodeJournal? Journal { get; init; }

    /// <summary>The states orders went through while the node ran (the dashboard's order history), fed from the event stream.</summary>
    public OrderHistory OrderHistory { get; } = new();

    public NodeStatus Status(HaltState state) => new(
        Settings.Node.Name,
        Settings.Node.Roles,
        NodeVersion.Current,
        StartedAt,
        Math.Round((Time.GetUtcNow() - StartedAt).TotalSeconds, 1),
        state.Halted,
        state.Reason,
        state.Since,
        state.HaltedBy,
        Environment.ProcessId,
        Config.Description);

    // Records print every property; the token must not reach a log that way.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Node = ").Append(Settings.Node.Name).Append(", Token = ***");
        return true;
    }
}
