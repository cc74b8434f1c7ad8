using System.Diagnostics;
using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Benchmarks.Persistence;

/// <summary>
/// Snapshot saves and loads per second, one after another (each waits for the previous one), of a ~1 KB state.
/// Save: an actor's <c>SaveSnapshot</c> until <c>SaveSnapshotSuccess</c>. Load: an actor started on an id with a
/// snapshot and no later events, until <c>RecoveryCompleted</c>.
/// Baselines: the same durable upsert, and a raw SELECT of the newest snapshot, on the same table.
/// </summary>
internal static class SnapshotThroughput
{
    public static async Task<BenchmarkFigure> SaveAsync(PersistenceBench bench, PersistenceSuiteSizes sizes)
    {
        var id = JournalRows.FreshIds("snapshot-save", 1)[0];
        await bench.Database.InsertBatchedAsync(JournalRows.For(bench.Serializer, [id], 1), PersistenceSuiteSizes.BaselineBatchSize);
        var actor = bench.System.ActorOf(Props.Create(() => new SnapshottingActor(id)));
        var baselineId = JournalRows.FreshIds("baseline-snapshot", 1)[0];
        var row = SnapshotRowFor(bench, baselineId, BenchState.Sample);
        var count = sizes.Snapshots;
        var baselineSaves = 0L;
        var (measured, baseline) = await Sampling.Alternating(
            sizes.Warmups,
            sizes.MinWarmup,
            sizes.Iterations,
            async () =>
            {
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var started = Stopwatch.GetTimestamp();
                actor.Tell(new SnapshottingActor.SaveSnapshots(count, done), ActorRefs.NoSender);
                await done.Task;
                return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
            },
            async () =>
            {
                // Changed states, serialized before the clock starts: the raw side pays for the database only.
                var rows = Enumerable.Range(0, count).Select(_ => SnapshotRowFor(bench, baselineId, BenchState.Sample with { Count = ++baselineSaves })).ToArray();
                var started = Stopwatch.GetTimestamp();
                foreach (var changed in rows) await bench.Database.SaveSnapshotAsync(changed);
                return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
            });
        bench.System.Stop(actor);
        return new BenchmarkFigure(
            bench.FigureName("snapshot_save"), "snapshots/s", measured, baseline, Better.Higher, Statistic.Best,
            Target: 500, TargetRatio: null,
            Workload: $"{count:N0} SaveSnapshot of a changed ~{row.Payload.Length:N0}-byte state, one after another (same id and sequence nr, so each replaces the last); {bench.Database.Description}",
            BaselineKind: "raw durable upsert (INSERT … ON CONFLICT DO UPDATE) of the same id and sequence nr with a changed state each time, one after another");
    }

    public static async Task<BenchmarkFigure> LoadAsync(PersistenceBench bench, PersistenceSuiteSizes sizes)
    {
        var id = JournalRows.FreshIds("snapshot-load", 1)[0];
        await bench.Database.InsertBatchedAsync(JournalRows.For(bench.Serializer, [id], 1), PersistenceSuiteSizes.BaselineBatchSize);
        var row = SnapshotRowFor(bench, id, BenchState.Sample);
        await bench.Database.SaveSnapshotAsync(row);
        var count = sizes.Snapshots;
        var (measured, baseline) = await Sampling.Alternating(
            sizes.Warmups,
            sizes.MinWarmup,
            sizes.Iterations,
            async () =>
            {
                var started = Stopwatch.GetTimestamp();
                for (var i = 0; i < count; i++)
                {
                    var recovered = new TaskCompletionSource<RecoveringActor.Recovered>(TaskCreationOptions.RunContinuationsAsynchronously);
                    bench.System.ActorOf(Props.Create(() => new RecoveringActor(id, recovered)));
                    var result = await recovered.Task;
                    if (!result.FromSnapshot || result.Events != 0)
                        throw new InvalidOperationException($"Recovering {id} replayed {result.Events} events (from a snapshot: {result.FromSnapshot}); expected the snapshot and no events.");
                }
                return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
            },
            async () =>
            {
                var started = Stopwatch.GetTimestamp();
                for (var i = 0; i < count; i++)
                {
                    _ = await bench.Database.LoadSnapshotAsync(id) ?? throw new InvalidOperationException($"The raw load found no snapshot of {id}.");
                }
                return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
            });
        return new BenchmarkFigure(
            bench.FigureName("snapshot_load"), "snapshots/s", measured, baseline, Better.Higher, Statistic.Best,
            Target: 1_000, TargetRatio: null,
            Workload: $"{count:N0} actors started one after another, each recovering from a {row.Payload.Length:N0}-byte snapshot with no later events; {bench.Database.Description}",
            BaselineKind: "raw SELECT of the newest snapshot row of the same id, one after another (no deserialization)");
    }

    private static SnapshotRow SnapshotRowFor(PersistenceBench bench, string id, BenchState state)
    {
        var payload = bench.Serializer.SerializeSnapshot(state, id, 1);
        return new SnapshotRow(new SnapshotMetadata(id, 1, DateTimeOffset.UtcNow), payload.Manifest, payload.Bytes);
    }
}
