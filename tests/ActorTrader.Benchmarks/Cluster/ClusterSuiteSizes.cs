namespace ActorTrader.Benchmarks.Cluster;

/// <summary>Workload sizes of the cluster suite; quick mode keeps each figure to a few seconds.</summary>
/// <param name="ControlCommands">Commands appended per control-bus round (and notifications per baseline round).</param>
/// <param name="ControlSpacing">Pause after each append, so commands arrive as an operator's would rather than as a burst.</param>
/// <param name="GaWarmups">Untimed rounds of every GA side; a checked evaluation of 8 genomes per node precedes them anyway.</param>
/// <param name="HandoverTrials">Lease handovers measured, one after another.</param>
internal sealed record ClusterSuiteSizes(
    int ControlNodes,
    int ControlCommands,
    TimeSpan ControlSpacing,
    int ControlWarmupCommands,
    int ControlIterations,
    int Symbols,
    int Years,
    int Population,
    int Generations,
    int GaWarmups,
    int GaIterations,
    int HandoverTrials)
{
    public static ClusterSuiteSizes For(BenchmarkOptions options) => options.Quick ? Quick : Full;

    // Odd iteration counts keep the median a real sample.
    private static readonly ClusterSuiteSizes Full = new(
        ControlNodes: 3,
        ControlCommands: 200,
        ControlSpacing: TimeSpan.FromMilliseconds(20),
        ControlWarmupCommands: 20,
        ControlIterations: 3,
        Symbols: 20,
        Years: 5,
        Population: 48,
        Generations: 2,
        GaWarmups: 0,
        GaIterations: 2,
        HandoverTrials: 20);

    private static readonly ClusterSuiteSizes Quick = new(
        ControlNodes: 3,
        ControlCommands: 50,
        ControlSpacing: TimeSpan.FromMilliseconds(20),
        ControlWarmupCommands: 10,
        ControlIterations: 1,
        Symbols: 20,
        Years: 5,
        Population: 48,
        Generations: 1,
        GaWarmups: 0,
        GaIterations: 1,
        HandoverTrials: 5);
}
