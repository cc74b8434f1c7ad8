namespace ActorTrader.Benchmarks.Actors;

/// <summary>Workload sizes of the actor suite; quick mode keeps the whole suite to a few seconds.</summary>
internal sealed record ActorSuiteSizes(
    int Warmups,
    TimeSpan MinWarmup,
    int Iterations,
    int TellRoundTripsPerPair,
    int TellBurst,
    int AskRoundTrips,
    int SpawnStopCount,
    int IdleActorCount,
    int IdleIterations)
{
    public static ActorSuiteSizes For(BenchmarkOptions options) => options.Quick ? Quick : Full;

    // MinWarmup: tiered JIT promotes hot methods to optimized code only after ~100 ms without new
    // JIT activity, so a warm-up needs time, not only rounds. Odd iteration counts keep the median a real sample.
    // Both modes spawn and hold the same number of actors: those rates depend on how many are alive at once.
    private static readonly ActorSuiteSizes Full = new(
        Warmups: 2,
        MinWarmup: TimeSpan.FromSeconds(2),
        Iterations: 11,
        TellRoundTripsPerPair: 10_000_000,
        TellBurst: 1000,
        AskRoundTrips: 500_000,
        SpawnStopCount: 100_000,
        IdleActorCount: 100_000,
        IdleIterations: 5);

    private static readonly ActorSuiteSizes Quick = new(
        Warmups: 1,
        MinWarmup: TimeSpan.FromSeconds(0.5),
        Iterations: 3,
        TellRoundTripsPerPair: 500_000,
        TellBurst: 1000,
        AskRoundTrips: 20_000,
        SpawnStopCount: 100_000,
        IdleActorCount: 100_000,
        IdleIterations: 1);
}
