using ActorTrader.Actors;
using ActorTrader.Cluster;
using ActorTrader.Cluster.Control;
using ActorTrader.Cluster.Fencing;
using ActorTrader.Cluster.Leases;
using ActorTrader.Cluster.Membership;
using ActorTrader.Cluster.Singleton;
using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Hosting;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Journal;

namespace ActorTrader.Node.Cluster;

/// <summary>
/// This node's part in a cluster (<c>actortrader.cluster.enabled = on</c>): the cluster tables on the journal's
/// PostgreSQL, the fenced journal, and the actors — membership heartbeat, the control bus with its applier, the sleeve
/// placement of a trader node and the singleton managers of the account core and the research coordinator.
/// </summary>
internal sealed class NodeCluster : IAsyncDisposable
{
    /// <summary>The lease of an account core: one node trades an account at a time.</summary>
    public const string AccountLeasePrefix = "trading/account-";

    /// <summary>The lease of the research supervisor and its populations.</summary>
    public const string ResearchLease = "research/coordinator";

    private NodeCluster(ClusterSettings settings, ClusterOptions options, ClusterDatabase database)
    {
        Settings = settings;
        Options = options;
        Database = database;
        Leases = new LeaseStore(database);
        ControlLog = new ControlLog(database);
        Work = new WorkQueue(database);
    }

    public ClusterSettings Settings { get; }

    public ClusterOptions Options { get; private set; }

    public ClusterDatabase Database { get; }

    public LeaseStore Leases { get; }

    /// <summary>The leases this node holds, which the fenced journal stamps on every write in their scopes.</summary>
    public LeaseEpochs Epochs { get; } = new();

    public ControlLog ControlLog { get; }

    public WorkQueue Work { get; }

    public AppliedControlCommands Applied { get; } = new();

    public IActorRef? Membership { get; private set; }

    public IActorRef? ControlBus { get; private set; }

    public IActorRef? Placement { get; private set; }

    /// <summary>Creates the cluster tables beside the started PostgreSQL journal.</summary>
    public static async Task<NodeCluster> OpenAsync(ClusterSettings settings, NodeSettings node, PersistenceSettings persistence, CancellationToken cancellationToken)
    {
        var database = new ClusterDatabase(persistence.Postgres.ConnectionString, persistence.Postgres.Schema);
        try
        {
            await database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var options = new ClusterOptions(node.Node.Name, persistence.Postgres.ConnectionString)
        {
            Schema = persistence.Postgres.Schema,
            Roles = node.Node.Roles,
            Version = NodeVersion.Current,
            HeartbeatInterval = settings.HeartbeatInterval,
            UnreachableAfter = settings.UnreachableAfter,
            RemovedAfter = settings.RemovedAfter,
            LeaseTtl = settings.LeaseTtl,
            LeaseRetryInterval = settings.LeaseRetryInterval,
            ControlPollInterval = settings.ControlPollInterval,
        };
        return new NodeCluster(settings, options, database);
    }

    /// <summary>The node's stores with the journal fenced by this node's leases.</summary>
    public PersistenceStores Fence(PersistenceStores stores) => stores with { Journal = new FencedJournal(stores.Journal, Epochs) };

    /// <summary>
    /// Starts membership (announcing <paramref name="address"/>), sleeve placement on a trader node, and the control bus;
    /// a graceful shutdown releases this node's leases last, so standbys take over at once.
    /// </summary>
    public void StartActors(ActorSystem system, NodeContext node, string address, IReadOnlyList<string> sleeves, Serilog.ILogger log)
    {
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "release-cluster-leases", async () =>
        {
            try
            {
                var released = await Leases.ReleaseAllHeldByAsync(Options.Holder, CancellationToken.None).ConfigureAwait(false);
                if (released.Count > 0) log.Information("Released the leases {Leases} for the standbys", string.Join(", ", released));
            }
            catch (PersistenceStoreException e)
            {
                log.Warning("Could not release this node's leases ({Error}); standbys take them when the TTL runs out", e.Message);
            }
            return Done.Instance;
        });
        Options = Options with { Address = address };
        Membership = system.ActorOf(ClusterMembershipActor.Props(Options, new MembershipStore(Database)), "cluster-membership");
        if (Options.Roles.Contains("trader") && sleeves.Count > 0)
            Placement = system.ActorOf(SleevePlacementActor.CreateProps(sleeves, Membership), "cluster-sleeve-placement");
        var applier = system.ActorOf(ClusterControlApplier.CreateProps(node, Applied, Settings.RebalanceMaxAge, Placement), "cluster-control-applier");
        var bus = new ControlBusSettings(Settings.ControlPollInterval, node.Settings.Actors.AskTimeout * 4, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
        ControlBus = system.ActorOf(ControlBusListener.Props(Database, Options.NodeName, applier, bus), "cluster-control-bus");
    }

    /// <summary>A singleton manager for <paramref name="lease"/>: takes the lease when free, runs <paramref name="lifecycle"/> while held.</summary>
    public IActorRef StartSingleton(ActorSystem system, string lease, IReadOnlyList<LeaseScope> scopes, ISingletonLifecycle lifecycle, string actorName) =>
        system.ActorOf(ClusterSingletonManager.Props(new ClusterSingletonSettings(lease, Options.Holder, Settings.LeaseTtl, Settings.LeaseRetryInterval, scopes), Leases, Epochs, lifecycle), actorName);

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
