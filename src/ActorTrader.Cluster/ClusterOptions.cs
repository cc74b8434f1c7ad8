namespace ActorTrader.Cluster;

/// <summary>
/// One node's cluster settings (actortrader.cluster): who it is, where PostgreSQL is, and the timings of heartbeats,
/// leases, the control bus and work queues. Every timeout is measured on the database's clock.
/// </summary>
/// <param name="NodeName">Unique per node (actortrader.node.name).</param>
/// <param name="ConnectionString">Npgsql connection string (ACTORTRADER_POSTGRES); never logged with its password.</param>
public sealed record ClusterOptions(string NodeName, string ConnectionString)
{
    /// <summary>Schema of the journal and the cluster tables.</summary>
    public string Schema { get; init; } = "public";

    /// <summary>This node's roles (trader, research, ingest).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The node's management API URL, so any node (and the CLI) can name where the others are.</summary>
    public string Address { get; init; } = "";

    public string Version { get; init; } = "";

    /// <summary>A fresh id per process start: a restarted node is a new incarnation and a new lease holder.</summary>
    public Guid Incarnation { get; init; } = Guid.NewGuid();

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A member whose last heartbeat is older than this is unreachable.</summary>
    public TimeSpan UnreachableAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>An unreachable member is removed (its row deleted) after this long without a heartbeat.</summary>
    public TimeSpan RemovedAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a lease lasts without renewal; its holder renews every third of it.</summary>
    public TimeSpan LeaseTtl { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a node without a lease tries to take it.</summary>
    public TimeSpan LeaseRetryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The control bus reads the log at least this often even without a NOTIFY (a lost notification costs at most this).</summary>
    public TimeSpan ControlPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The lease holder string: node name and incarnation.</summary>
    public string Holder => $"{NodeName}#{Incarnation:N}";
}
