using System.Diagnostics;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Randomness;
using ActorTrader.Research.Synthetic;
using ActorTrader.Streams;

namespace ActorTrader.Benchmarks.Research;

/// <summary>
/// Fitness evaluations per second of a research generation: a population of random genomes of relative_volume_breakout
/// (the first generation of a run) scored by the walk-forward evaluator on the planted market of 100 symbols × 10 years,
/// through <see cref="LocalEvaluationBackend"/> (Source → SelectAsync(workers) → Sink) with 1 and with 2 workers.
/// Baseline: the same evaluations in a plain sequential loop, measured alternately in the same run. A third figure sets
/// 2 workers against 1 (the scaling ratio; 2.0 would be perfect on 2 free cores).
/// </summary>
internal sealed class ResearchBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "research";

    public string Description => "GA fitness evaluations/s, population 100 x 100 symbols x 10 years, local backend with 1 and 2 workers (vs a sequential loop)";

    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sizes = ResearchSuiteSizes.For(options);
        Console.Error.Write($"research: building the planted market, {sizes.Symbols} symbols x {sizes.Years} years ... ");
        var market = PlantedMarket.Create(seed: 1, symbols: sizes.Symbols, years: sizes.Years);
        var breeder = new GeneticBreeder(market.Strategy.Name, market.Strategy.Parameters, BreedingSettings.Default with { PopulationSize = sizes.Population });
        var genomes = breeder.Initial(sizes.Population, new ResearchRandom(7));
        Console.Error.WriteLine("done");

        await using var system = ActorSystem.Create("research-benchmark", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
        var workload = $"{sizes.Population} random genomes of {market.Strategy.Name}, walk-forward fitness (126 train + 63 test bars per fold) on {sizes.Symbols} symbols x {market.Panel.TimeCount} daily bars";
        var one = await Backend(sizes, market.Evaluator, genomes, new LocalEvaluationBackend(system.Materializer(), 1), workload);
        var two = await Backend(sizes, market.Evaluator, genomes, new LocalEvaluationBackend(system.Materializer(), 2), workload);
        var scaling = new BenchmarkFigure("research_scaling_2_workers_vs_1", "evaluations/s", two.Measured, one.Measured, Better.Higher, Statistic.Best,
            Target: 1, TargetRatio: 1.6, Workload: workload + ", 2 workers",
            BaselineKind: "the same evaluations through the local backend with 1 worker (ratio = scaling from 1 to 2 workers)");
        return [one, two, scaling];
    }

    private static async Task<BenchmarkFigure> Backend(ResearchSuiteSizes sizes, IFitnessEvaluator evaluator, IReadOnlyList<Genome> genomes,
        LocalEvaluationBackend backend, string workload)
    {
        Console.Error.Write($"research: {backend.Name} ... ");
        var started = Stopwatch.GetTimestamp();
        var (measured, baseline) = await Sampling.Alternating(sizes.Warmups, sizes.MinWarmup, sizes.Iterations,
            async () =>
            {
                var begin = Stopwatch.GetTimestamp();
                var results = await backend.EvaluateAsync(evaluator, genomes);
                return results.Count / Stopwatch.GetElapsedTime(begin).TotalSeconds;
            },
            () => Task.FromResult(genomes.Count / Seconds(() => SequentialLoop(evaluator, genomes))));
        Console.Error.WriteLine($"done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        var workers = backend.Workers;
        return new BenchmarkFigure($"research_evaluations_per_s_{workers}_worker{(workers == 1 ? "" : "s")}", "evaluations/s", measured, baseline, Better.Higher,
            Statistic.Best, Target: workers, TargetRatio: workers == 1 ? 0.9 : 1.6, Workload: $"{workload}, {workers} worker(s)",
            BaselineKind: "the same evaluations in a plain sequential loop (evaluator.Evaluate per genome, no stream)");
    }

    private static double SequentialLoop(IFitnessEvaluator evaluator, IReadOnlyList<Genome> genomes)
    {
        var sum = 0.0;
        foreach (var genome in genomes) sum += evaluator.Evaluate(genome).Fitness;
        return sum;
    }

    private static double Seconds(Func<double> run)
    {
        var started = Stopwatch.GetTimestamp();
        GC.KeepAlive(run());
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
