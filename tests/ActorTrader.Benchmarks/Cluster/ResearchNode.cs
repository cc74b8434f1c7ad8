using ActorTrader.Cluster;
using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Evaluation.Distributed;
using ActorTrader.Research.Fitness;
using ActorTrader.Strategies.Catalog;

namespace ActorTrader.Benchmarks.Cluster;

/// <summary>
/// One research node simulated in this process: its own actor system and <see cref="ClusterDatabase"/> (own pool), and a
/// <see cref="WorkQueueWorker"/> with an <see cref="EvaluationWorkHandler"/> (own evaluator cache) on the evaluation
/// queue, with the worker timings a node uses (poll 250 ms, visibility 30 s, retry 1 s). The research data source is
/// shared between the simulated nodes: it is read-only, and building one planted market per node would only cost time.
/// </summary>
internal sealed class ResearchNode : IAsyncDisposable
{
    private readonly ActorSystem _system;
    private readonly ClusterDatabase _database;

    private ResearchNode(ActorSystem system, ClusterDatabase database)
    {
        _system = system;
        _database = database;
    }

    public static ResearchNode Start(ClusterBenchmarkDatabase database, string name, string queue, int parallelism, IResearchDataSource data, FitnessSettings fitness)
    {
        var system = ActorSystem.Create($"research-{name}", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
        var cluster = database.Open();
        var handler = new EvaluationWorkHandler(name, StrategyCatalog.Default, data, new WalkForwardEvaluatorFactory(fitness));
        var settings = new WorkerSettings(queue, name, parallelism, VisibilityTimeout: TimeSpan.FromSeconds(30), PollInterval: TimeSpan.FromMilliseconds(250), RetryDelay: TimeSpan.FromSeconds(1));
        system.ActorOf(WorkQueueWorker.Props(new WorkQueue(cluster), settings, handler), "cluster-evaluation-worker");
        return new ResearchNode(system, cluster);
    }

    public async ValueTask DisposeAsync()
    {
        await _system.DisposeAsync();
        await _database.DisposeAsync();
    }
}
