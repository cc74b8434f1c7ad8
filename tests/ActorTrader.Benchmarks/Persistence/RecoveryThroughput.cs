using System.Diagnostics;

namespace ActorTrader.Benchmarks.Persistence;

/// <summary>
/// Recovery throughput, in events replayed into actors per second: one actor with many events, and many actors
/// with fewer each, started at once (the recovery permitter lets <c>recovery.max-concurrent</c> run together).
/// Timed from creating the actors until every one has seen <c>RecoveryCompleted</c>.
/// Baseline: the same rows read raw (SELECT … ORDER BY sequence_nr, every column materialized, no deserialization).
/// </summary>
internal static class RecoveryThroughput
{
    private const string BaselineKind = "raw SELECT of the same rows, one query per id, every column materialized (no JSON deserialization)";

    public static Task<BenchmarkFigure> OneActorAsync(PersistenceBench bench, PersistenceSuiteSizes sizes) =>
        MeasureAsync(bench, sizes, "recovery_1_actor", actors: 1, sizes.RecoveryEvents,
            $"1 actor replaying {sizes.RecoveryEvents:N0} events");

    public static Task<BenchmarkFigure> ManyActorsAsync(PersistenceBench bench, PersistenceSuiteSizes sizes) =>
        MeasureAsync(bench, sizes, $"recovery_{sizes.ConcurrentActors}_actors", sizes.ConcurrentActors, sizes.EventsPerRecoveringActor,
            $"{sizes.ConcurrentActors} actors started at once, {sizes.EventsPerRecoveringActor:N0} events each");

    private static async Task<BenchmarkFigure> MeasureAsync(PersistenceBench bench, PersistenceSuiteSizes sizes, string figure, int actors, int eventsPerActor, string workload)
    {
        var ids = JournalRows.FreshIds(figure, actors);
        await bench.Database.InsertBatchedAsync(JournalRows.For(bench.Serializer, ids, eventsPerActor), PersistenceSuiteSizes.BaselineBatchSize);
        var events = (double)actors * eventsPerActor;
        var (measured, baseline) = await Sampling.Alternating(
            sizes.Warmups,
            sizes.MinWarmup,
            sizes.Iterations,
            async () => events / (await RecoverAsync(bench, ids, eventsPerActor)).TotalSeconds,
            async () => events / (await ReadRawAsync(bench, ids, eventsPerActor)).TotalSeconds);
        return new BenchmarkFigure(
            bench.FigureName(figure), "events/s", measured, baseline, Better.Higher, Statistic.Best,
            Target: 200_000, TargetRatio: null,
            Workload: $"{workload}; {bench.Database.Description}",
            BaselineKind: BaselineKind);
    }

    private static async Task<TimeSpan> RecoverAsync(PersistenceBench bench, string[] ids, int eventsPerActor)
    {
        var recovered = ids.Select(_ => new TaskCompletionSource<RecoveringActor.Recovered>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < ids.Length; i++)
        {
            var (id, done) = (ids[i], recovered[i]);
            bench.System.ActorOf(Props.Create(() => new RecoveringActor(id, done)));
        }
        var results = await Task.WhenAll(recovered.Select(r => r.Task));
        var elapsed = Stopwatch.GetElapsedTime(started);
        // A figure over fewer events than claimed would be a lie: check what was replayed.
        if (results.Any(r => r.Events != eventsPerActor))
            throw new InvalidOperationException($"Recovery replayed {string.Join(", ", results.Select(r => r.Events).Distinct())} events per actor; {eventsPerActor} were written.");
        return elapsed;
    }

    private static async Task<TimeSpan> ReadRawAsync(PersistenceBench bench, string[] ids, int eventsPerActor)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var id in ids)
        {
            var read = await bench.Database.ReadAllAsync(id);
            if (read != eventsPerActor) throw new InvalidOperationException($"The raw read of {id} returned {read} rows; {eventsPerActor} were written.");
        }
        return Stopwatch.GetElapsedTime(started);
    }
}
