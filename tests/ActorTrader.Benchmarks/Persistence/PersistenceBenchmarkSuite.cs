using System.Diagnostics;

namespace ActorTrader.Benchmarks.Persistence;

/// <summary>
/// ActorTrader.Persistence's figures on SQLite (always; durable: WAL, synchronous=FULL) and on PostgreSQL when
/// ACTORTRADER_TEST_POSTGRES or ACTORTRADER_POSTGRES names a server: persist, recovery and snapshot throughput,
/// each next to raw ADO.NET work on the same tables in the same run.
/// </summary>
internal sealed class PersistenceBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "persistence";

    public string Description => "persist (1 actor Persist/PersistAsync, 100 actors), recovery, snapshot save/load on SQLite (+ PostgreSQL if ACTORTRADER_TEST_POSTGRES/ACTORTRADER_POSTGRES is set), vs raw ADO.NET on the same tables";

    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sizes = PersistenceSuiteSizes.For(options);
        var figures = new List<BenchmarkFigure>();
        await using (var sqlite = await SqliteBenchmarkDatabase.CreateAsync())
        {
            figures.AddRange(await RunOnAsync(sqlite, sizes));
        }
        if (PostgresBenchmarkDatabase.ConfiguredConnectionString() is { } connectionString)
        {
            await using var postgres = await PostgresBenchmarkDatabase.CreateAsync(connectionString);
            figures.AddRange(await RunOnAsync(postgres, sizes));
        }
        else
        {
            Console.Error.WriteLine("persistence: PostgreSQL skipped (set ACTORTRADER_TEST_POSTGRES or ACTORTRADER_POSTGRES to include it)");
        }
        return figures;
    }

    private static async Task<IReadOnlyList<BenchmarkFigure>> RunOnAsync(BenchmarkDatabase database, PersistenceSuiteSizes sizes)
    {
        var figures = new List<BenchmarkFigure>();
        await using var bench = await PersistenceBench.StartAsync(database);
        figures.Add(await Timed(bench, "persist_1_actor_persist", () => PersistThroughput.OneActorPersistAsync(bench, sizes)));
        figures.Add(await Timed(bench, "persist_1_actor_persist_async", () => PersistThroughput.OneActorPersistAsyncAsync(bench, sizes)));
        figures.Add(await Timed(bench, "persist_concurrent_actors", () => PersistThroughput.ConcurrentActorsAsync(bench, sizes)));
        figures.Add(await Timed(bench, "persist_concurrent_actors_persist_async", () => PersistThroughput.ConcurrentActorsPersistAsyncAsync(bench, sizes)));
        figures.Add(await Timed(bench, "recovery_1_actor", () => RecoveryThroughput.OneActorAsync(bench, sizes)));
        figures.Add(await Timed(bench, "recovery_concurrent_actors", () => RecoveryThroughput.ManyActorsAsync(bench, sizes)));
        figures.Add(await Timed(bench, "snapshot_save", () => SnapshotThroughput.SaveAsync(bench, sizes)));
        figures.Add(await Timed(bench, "snapshot_load", () => SnapshotThroughput.LoadAsync(bench, sizes)));
        return figures;
    }

    // Progress goes to stderr so that stdout stays clean JSON.
    private static async Task<BenchmarkFigure> Timed(PersistenceBench bench, string name, Func<Task<BenchmarkFigure>> measure)
    {
        Console.Error.Write($"persistence: {bench.Database.Name} {name} ... ");
        var started = Stopwatch.GetTimestamp();
        var figure = await measure();
        Console.Error.WriteLine($"done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return figure;
    }
}
