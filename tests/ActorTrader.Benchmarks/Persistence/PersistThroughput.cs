using System.Diagnostics;
using ActorTrader.Benchmarks.Actors;

namespace ActorTrader.Benchmarks.Persistence;

/// <summary>
/// Persist throughput, in events made durable per second: one actor with <c>Persist</c> (each event waits for the
/// previous one), one actor with <c>PersistAsync</c> (writes group), and many actors with <c>Persist</c> at once.
/// Baseline: the same number of rows (same payload bytes, from the same serializer) inserted raw into the same
/// journal table, in transactions of <see cref="PersistenceSuiteSizes.BaselineBatchSize"/> rows.
/// </summary>
internal static class PersistThroughput
{
    private const string BaselineKind = "raw batched INSERTs of the same rows into the same journal table, 1,000 rows per durable transaction";

    public static Task<BenchmarkFigure> OneActorPersistAsync(PersistenceBench bench, PersistenceSuiteSizes sizes) =>
        MeasureAsync(bench, sizes, "persist_1_actor_persist", actors: 1, sizes.SequentialEvents, usePersistAsync: false, target: 1_000,
            $"1 actor, {sizes.SequentialEvents:N0} events with Persist: each command waits until the previous event is durable (one commit per event)");

    public static Task<BenchmarkFigure> OneActorPersistAsyncAsync(PersistenceBench bench, PersistenceSuiteSizes sizes) =>
        MeasureAsync(bench, sizes, "persist_1_actor_persist_async", actors: 1, sizes.AsyncEvents, usePersistAsync: true, target: 5_000,
            $"1 actor, {sizes.AsyncEvents:N0} events with PersistAsync sent at once; handlers run in order as events become durable");

    // With Persist each actor has one event in flight, so one commit carries at most one event per actor and the
    // figure is bounded by (actors / commit cycle): fsync latency decides it, whatever the writer does.
    public static Task<BenchmarkFigure> ConcurrentActorsAsync(PersistenceBench bench, PersistenceSuiteSizes sizes) =>
        MeasureAsync(bench, sizes, $"persist_{sizes.ConcurrentActors}_actors", sizes.ConcurrentActors, sizes.EventsPerConcurrentActor, usePersistAsync: false, target: 50_000,
            $"{sizes.ConcurrentActors} actors x {sizes.EventsPerConcurrentActor:N0} events with Persist, all at once (sequential per actor, concurrent across actors)");

    // The concurrency figure: 100 actors persisting at once, each with its writes pipelined (PersistAsync).
    public static Task<BenchmarkFigure> ConcurrentActorsPersistAsyncAsync(PersistenceBench bench, PersistenceSuiteSizes sizes) =>
        MeasureAsync(bench, sizes, $"persist_{sizes.ConcurrentActors}_actors_persist_async", sizes.ConcurrentActors, sizes.EventsPerConcurrentActor, usePersistAsync: true, target: 50_000,
            $"{sizes.ConcurrentActors} actors x {sizes.EventsPerConcurrentActor:N0} events with PersistAsync, all at once (handlers in order per actor)");

    private static async Task<BenchmarkFigure> MeasureAsync(
        PersistenceBench bench, PersistenceSuiteSizes sizes, string figure, int actors, int eventsPerActor, bool usePersistAsync, double target, string workload)
    {
        // The actors live across samples: each sample appends to the same ids, as a running system does.
        var refs = JournalRows.FreshIds(figure, actors)
            .Select(id => bench.System.ActorOf(Props.Create(() => new PersistingActor(id))))
            .ToArray();
        var events = (double)actors * eventsPerActor;
        var (measured, baseline) = await Sampling.Alternating(
            sizes.Warmups,
            sizes.MinWarmup,
            sizes.Iterations,
            async () => events / (await RunActorsAsync(refs, eventsPerActor, usePersistAsync)).TotalSeconds,
            async () => events / (await RunBaselineAsync(bench, actors, eventsPerActor)).TotalSeconds);
        foreach (var actor in refs) bench.System.Stop(actor);
        return new BenchmarkFigure(
            bench.FigureName(figure), "events/s", measured, baseline, Better.Higher, Statistic.Best,
            Target: target, TargetRatio: null,
            Workload: $"{workload}; {bench.Database.Description}",
            BaselineKind: BaselineKind);
    }

    private static async Task<TimeSpan> RunActorsAsync(IActorRef[] actors, int eventsPerActor, bool usePersistAsync)
    {
        var durable = new AsyncCountdown(actors.Length * eventsPerActor);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < eventsPerActor; i++)
        {
            var @event = BenchEvent.Sample(i);
            object command = usePersistAsync ? new PersistingActor.AppendAsync(@event, durable) : new PersistingActor.Append(@event, durable);
            foreach (var actor in actors) actor.Tell(command, ActorRefs.NoSender);
        }
        await durable.WhenZero;
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task<TimeSpan> RunBaselineAsync(PersistenceBench bench, int ids, int eventsPerId)
    {
        var rows = JournalRows.For(bench.Serializer, JournalRows.FreshIds("baseline", ids), eventsPerId);
        var started = Stopwatch.GetTimestamp();
        await bench.Database.InsertBatchedAsync(rows, PersistenceSuiteSizes.BaselineBatchSize);
        return Stopwatch.GetElapsedTime(started);
    }
}
