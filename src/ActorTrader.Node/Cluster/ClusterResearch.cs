using ActorTrader.Actors;
using ActorTrader.Cluster.Leases;
using ActorTrader.Cluster.Singleton;
using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Hosting;
using ActorTrader.Node.Research;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Evaluation.Distributed;

namespace ActorTrader.Node.Cluster;

/// <summary>
/// Research on a cluster node with role research: every such node evaluates genomes from the shared work queue, and the
/// one holding the lease <c>research/coordinator</c> runs the research supervisor and its populations (fenced: every
/// journal id starting with <c>research-</c>), whose generations are evaluated through the queue, so they spread over
/// all research nodes and an evaluation whose node dies is done by another after its visibility timeout.
/// </summary>
internal static class ClusterResearch
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    public static void Start(ActorSystem system, NodeCluster cluster, NodeContext node, NodeResearchSettings research, NodeSettings settings, Serilog.ILogger log)
    {
        var s = cluster.Settings;
        var services = ResearchServices.Create(system, research.Research, research.Data, research.Strategies) with { FollowWindow = true };
        if (s.EvaluationWorkers > 0)
        {
            var handler = new EvaluationWorkHandler(settings.Node.Name, services.Catalog, services.Data, services.Evaluators);
            var worker = new WorkerSettings(ClusterEvaluationSettings.DefaultQueue, settings.Node.Name, s.EvaluationWorkers, s.EvaluationVisibilityTimeout,
                TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));
            system.ActorOf(WorkQueueWorker.Props(cluster.Work, worker, handler), "cluster-evaluation-worker");
            log.Information("Research evaluations: {Workers} worker(s) on the cluster queue {Queue}", s.EvaluationWorkers, ClusterEvaluationSettings.DefaultQueue);
        }
        var backend = new ClusterEvaluationBackend(cluster.Work, Math.Max(1, s.EvaluationWorkers), ClusterEvaluationSettings.Default with { MaxAttempts = s.EvaluationMaxAttempts, KeepFinished = s.EvaluationKeepFinished });
        var coordinator = services with { Backend = backend };
        var child = new ChildActorSingleton(system, _ => ResearchSupervisor.CreateProps(research.Research, coordinator), ResearchSupervisor.ActorName, StopTimeout);
        var lifecycle = new ResearchSingleton(child, node, settings.Actors.AskTimeout, log);
        cluster.StartSingleton(system, NodeCluster.ResearchLease, [LeaseScope.Prefix("research-")], lifecycle, "cluster-research-coordinator");
    }

    /// <summary>The research supervisor as a singleton: the management API's research handle follows it.</summary>
    private sealed class ResearchSingleton(ChildActorSingleton child, NodeContext node, TimeSpan askTimeout, Serilog.ILogger log) : ISingletonLifecycle
    {
        public async Task StartAsync(LeaseGrant grant, CancellationToken cancellationToken)
        {
            await child.StartAsync(grant, cancellationToken).ConfigureAwait(false);
            if (child.Current is { } supervisor) node.Research = new NodeResearch(supervisor, askTimeout);
            log.Warning("Lease {Lease} taken at epoch {Epoch}: this node coordinates research (populations under /user/research)", grant.Name, grant.Epoch);
        }

        public async Task StopAsync(string reason)
        {
            node.Research = null;
            log.Warning("Research coordination stops on this node: {Reason}", reason);
            await child.StopAsync(reason).ConfigureAwait(false);
        }
    }
}
