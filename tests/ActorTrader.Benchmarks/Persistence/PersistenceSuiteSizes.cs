namespace ActorTrader.Benchmarks.Persistence;

/// <summary>Workload sizes of the persistence suite; quick mode keeps it to a few seconds per database.</summary>
internal sealed record PersistenceSuiteSizes(
    int Warmups,
    TimeSpan MinWarmup,
    int Iterations,
    int SequentialEvents,
    int AsyncEvents,
    int ConcurrentActors,
    int EventsPerConcurrentActor,
    int RecoveryEvents,
    int EventsPerRecoveringActor,
    int Snapshots)
{
    /// <summary>Rows per baseline transaction: the stores' default max-batch-size, so the baseline groups as the journal may.</summary>
    public const int BaselineBatchSize = 1000;

    public static PersistenceSuiteSizes For(BenchmarkOptions options) => options.Quick ? Quick : Full;

    // Odd iteration counts keep the median a real sample. Every sample writes new rows, so the database grows
    // alike for the figure and its baseline.
    private static readonly PersistenceSuiteSizes Full = new(
        Warmups: 1,
        MinWarmup: TimeSpan.FromSeconds(1),
        Iterations: 5,
        SequentialEvents: 5_000,
        AsyncEvents: 50_000,
        ConcurrentActors: 100,
        EventsPerConcurrentActor: 1_000,
        RecoveryEvents: 200_000,
        EventsPerRecoveringActor: 2_000,
        Snapshots: 2_000);

    private static readonly PersistenceSuiteSizes Quick = new(
        Warmups: 1,
        MinWarmup: TimeSpan.Zero,
        Iterations: 3,
        SequentialEvents: 500,
        AsyncEvents: 5_000,
        ConcurrentActors: 100,
        EventsPerConcurrentActor: 100,
        RecoveryEvents: 20_000,
        EventsPerRecoveringActor: 200,
        Snapshots: 200);
}
