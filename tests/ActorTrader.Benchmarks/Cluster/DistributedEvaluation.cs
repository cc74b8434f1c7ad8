using System.Diagnostics;
using System.Globalization;
using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Evaluation.Distributed;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Randomness;
using ActorTrader.Research.Synthetic;
using ActorTrader.Streams;

namespace ActorTrader.Benchmarks.Cluster;

/// <summary>
/// GA evaluations per second through <see cref="ClusterEvaluationBackend"/> with 1, 2 and 3 research nodes simulated in
/// this process (<see cref="ResearchNode"/>, one evaluation at a time each), against <see cref="LocalEvaluationBackend"/>
/// with as many workers, and for one node also against a plain sequential loop, each measured in turn in the same run.
/// </summary>
internal static class DistributedEvaluation
{
    private const int ParallelismPerNode = 1;

    public static async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(ClusterBenchmarkDatabase database, ClusterSuiteSizes sizes)
    {
        Console.Error.Write($"cluster: building the planted market, {sizes.Symbols} symbols x {sizes.Years} years ... ");
        var market = PlantedMarket.Create(seed: 1, symbols: sizes.Symbols, years: sizes.Years);
        var data = new PlantedDataSource(seed: 1, symbols: sizes.Symbols, years: sizes.Years);
        await data.LoadAsync(market.Strategy);
        var breeder = new GeneticBreeder(market.Strategy.Name, market.Strategy.Parameters, BreedingSettings.Default with { PopulationSize = sizes.Population });
        var generations = Enumerable.Range(0, sizes.Generations)
            .Select(g => breeder.Initial(sizes.Population, new ResearchRandom((ulong)(7 + g))))
            .ToList();
        var evaluations = generations.Sum(g => g.Count);
        Console.Error.WriteLine("done");

        await using var system = ActorSystem.Create("cluster-research-bench", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
        var workload = string.Create(CultureInfo.InvariantCulture,
            $"{sizes.Generations} generation(s) x {sizes.Population} random genomes of {market.Strategy.Name}, walk-forward fitness on {sizes.Symbols} symbols x {market.Panel.TimeCount} daily bars; research nodes in-process (own actor system, pool and WorkQueueWorker each, {ParallelismPerNode} evaluation at a time, worker poll 250 ms, backend poll {ClusterEvaluationSettings.Default.PollInterval.TotalMilliseconds} ms)");

        var perNodes = new Dictionary<int, SampleSet>();
        var figures = new List<BenchmarkFigure>();
        for (var nodes = 1; nodes <= 3; nodes++)
        {
            Console.Error.Write($"cluster: ga with {nodes} node(s) ... ");
            var started = Stopwatch.GetTimestamp();
            var queue = string.Create(CultureInfo.InvariantCulture, $"bench-research-{nodes}");
            var nodeHandles = Enumerable.Range(1, nodes)
                .Select(i => ResearchNode.Start(database, string.Create(CultureInfo.InvariantCulture, $"r{i}"), queue, ParallelismPerNode, data, market.Settings))
                .ToList();
            await using var coordinator = database.Open();
            var cluster = new ClusterEvaluationBackend(new WorkQueue(coordinator), nodes * ParallelismPerNode, ClusterEvaluationSettings.Default with { Queue = queue });
            var local = new LocalEvaluationBackend(system.Materializer(), nodes * ParallelismPerNode);
            // Also the warm-up: JIT, and each node builds its evaluator on its first item.
            await CheckSameResultsAsync(cluster, local, market.Evaluator, [.. generations[0].Take(8 * nodes)]);
            var sides = new List<Func<Task<double>>> { () => RateAsync(cluster, market.Evaluator, generations), () => RateAsync(local, market.Evaluator, generations) };
            if (nodes == 1) sides.Add(() => Task.FromResult(evaluations / Seconds(() => SequentialLoop(market.Evaluator, generations))));
            var samples = await RoundRobin.RunAsync(sizes.GaWarmups, sizes.GaIterations, [.. sides]);
            foreach (var node in nodeHandles) await node.DisposeAsync();
            Console.Error.WriteLine($"done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");

            perNodes[nodes] = samples[0];
            var plural = nodes == 1 ? "" : "s";
            figures.Add(new BenchmarkFigure($"cluster_ga_evals_per_s_{nodes}_node{plural}", "evaluations/s", samples[0], samples[1], Better.Higher, Statistic.Best,
                Target: nodes, TargetRatio: 0.8, Workload: $"{workload}, {nodes} node{plural}",
                BaselineKind: $"the same evaluations through LocalEvaluationBackend with {nodes} worker{plural} (same total parallelism, no queue)"));
            if (nodes == 1)
            {
                figures.Add(new BenchmarkFigure("cluster_ga_evals_per_s_1_node_vs_sequential", "evaluations/s", samples[0], samples[2], Better.Higher, Statistic.Best,
                    Target: 1, TargetRatio: 0.8, Workload: $"{workload}, 1 node",
                    BaselineKind: "the same evaluations in a plain sequential loop (evaluator.Evaluate per genome, no stream, no queue)"));
            }
        }

        foreach (var nodes in new[] { 2, 3 })
        {
            figures.Add(new BenchmarkFigure($"cluster_ga_scaling_{nodes}_nodes_vs_1", "evaluations/s", perNodes[nodes], perNodes[1], Better.Higher, Statistic.Best,
                Target: 1, TargetRatio: 1.6,
                Workload: $"{workload}, {nodes} nodes; the machine has {Environment.ProcessorCount} cores, so more than {Environment.ProcessorCount} nodes cannot scale further",
                BaselineKind: "the same evaluations through the cluster backend with 1 node (ratio = scaling)"));
        }
        return figures;
    }

    /// <summary>A figure of a backend that scores wrongly (e.g. nodes refusing the work) would be meaningless.</summary>
    private static async Task CheckSameResultsAsync(ClusterEvaluationBackend cluster, LocalEvaluationBackend local, WalkForwardFitnessEvaluator evaluator, IReadOnlyList<Genome> genomes)
    {
        var expected = await local.EvaluateAsync(evaluator, genomes);
        var actual = await cluster.EvaluateAsync(evaluator, genomes);
        for (var i = 0; i < genomes.Count; i++)
        {
            if (!expected[i].Fitness.Equals(actual[i].Fitness) || expected[i].IsWorst != actual[i].IsWorst)
                throw new InvalidOperationException($"{cluster.Name} scored {genomes[i].Key} {actual[i].Fitness} ({actual[i].Reason}), the local backend {expected[i].Fitness}. Fix: the simulated nodes must use the same data and fitness settings as the population.");
        }
    }

    private static async Task<double> RateAsync(IEvaluationBackend backend, IFitnessEvaluator evaluator, IReadOnlyList<IReadOnlyList<Genome>> generations)
    {
        var begin = Stopwatch.GetTimestamp();
        var count = 0;
        foreach (var generation in generations)
        {
            var results = await backend.EvaluateAsync(evaluator, generation);
            if (results.Count != generation.Count)
                throw new InvalidOperationException($"{backend.Name} returned {results.Count} results for {generation.Count} genomes.");
            count += results.Count;
        }
        return count / Stopwatch.GetElapsedTime(begin).TotalSeconds;
    }

    private static double SequentialLoop(WalkForwardFitnessEvaluator evaluator, IReadOnlyList<IReadOnlyList<Genome>> generations)
    {
        var sum = 0.0;
        foreach (var generation in generations)
        {
            foreach (var genome in generation) sum += evaluator.Evaluate(genome).Fitness;
        }
        return sum;
    }

    private static double Seconds(Func<double> run)
    {
        var started = Stopwatch.GetTimestamp();
        GC.KeepAlive(run());
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
