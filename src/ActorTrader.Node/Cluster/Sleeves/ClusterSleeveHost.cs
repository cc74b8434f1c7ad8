using ActorTrader.Actors;
using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Data.Settings;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Node.Trading;
using ActorTrader.Trading.Host.Targets;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Node.Cluster.Sleeves;

/// <summary>
/// The sleeves a trader node runs for the cluster: a sleeves actor built as the trading core builds its own
/// (<see cref="NodeSleeves"/>), and a worker on <c>sleeve-runs@&lt;node&gt;</c> that runs the sleeves the account core asks
/// of this node. Once both run, the placement actor takes the leases of the sleeves placed here, so a node only owns
/// sleeves it can run.
/// </summary>
internal static class ClusterSleeveHost
{
    public const string SleevesActorName = "cluster-sleeves";
    public const string WorkerActorName = "cluster-sleeve-worker";

    /// <summary>How often a node polls for a sleeve run it asked of another node, and how often a worker looks for new ones.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>A sleeve run may take long (its panel loads on first use); the visibility timeout is extended while it runs.</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Starts the host and returns what the account core needs to route sleeve runs; null (logged) when the node's sleeve or data settings have problems.</summary>
    public static NodeSleeves? Start(ActorSystem system, NodeCluster cluster, LoadedConfig loaded, TimeProvider time, Serilog.ILogger log)
    {
        var config = loaded.Config;
        DataSettings data;
        try
        {
            data = DataSettings.FromConfig(config, loaded.WorkingDirectory);
        }
        catch (DataSettingsException e)
        {
            log.Error("This node runs no sleeves for the cluster: the data configuration has problems: {Error}", e.Message);
            return null;
        }
        var (sleeveSettings, problems) = SleeveSettings.Read(config, loaded.WorkingDirectory);
        if (problems.Count > 0)
        {
            log.Error("This node runs no sleeves for the cluster: the sleeves configuration has problems: {Problems}", string.Join("; ", problems));
            return null;
        }
        var sleeves = NodeSleeves.Create(config, loaded.WorkingDirectory, data, sleeveSettings, time);
        var node = cluster.Options.NodeName;
        var local = system.ActorOf(SleevesActor.CreateProps(sleeves.PropsFactory()), SleevesActorName);
        var worker = new WorkerSettings(SleeveRunRequest.QueueOf(node), node, Parallelism: 2, VisibilityTimeout, PollInterval, RetryDelay: TimeSpan.FromSeconds(1));
        system.ActorOf(WorkQueueWorker.Props(cluster.Work, worker, new SleeveRunHandler(local, RunTimeout, node, log)), WorkerActorName);
        cluster.Placement?.Tell(new HoldSleeveLeases(cluster.Leases, node, cluster.Options.Holder, cluster.Settings.LeaseTtl), ActorRefs.NoSender);
        log.Information("Sleeve host: this node runs the sleeves placed on it (queue {Queue})", worker.Queue);
        return sleeves;
    }

    /// <summary>The account core's sleeve factory: each sleeve run goes to the node that holds the sleeve's lease.</summary>
    public static Func<IActorRef, Func<string, Props>> Proxies(NodeCluster cluster, NodeSleeves sleeves) =>
        local => ClusterSleeveProxy.Factory(local, new ClusterSleeveRuns(cluster.Leases, cluster.Work, cluster.Options.Holder, sleeves.Artifacts), PollInterval);
}
