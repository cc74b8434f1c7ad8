namespace ActorTrader.Benchmarks.Actors;

/// <summary>The actor runtime's figures: tell throughput, ask latency, spawn+stop rate and idle memory.</summary>
internal sealed class ActorBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "actors";

    public string Description => "tell throughput, ask latency, spawn+stop rate, bytes per idle actor (vs raw channels)";

    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sizes = ActorSuiteSizes.For(options);
        var figures = new List<BenchmarkFigure>();
        figures.Add(await Timed("tell_throughput", () => TellThroughput.MeasureAsync(sizes)));
        figures.Add(await Timed("ask_latency", () => AskLatency.MeasureAsync(sizes)));
        figures.Add(await Timed("spawn_stop_rate", () => SpawnStopRate.MeasureAsync(sizes)));
        figures.Add(await Timed("idle_actor_bytes", () => IdleActorBytes.MeasureAsync(sizes)));
        figures.Add(await Timed("idle_actor_bytes_after_message", () => IdleActorBytes.MeasureAfterMessageAsync(sizes)));
        return figures;
    }

    // Progress goes to stderr so that stdout stays clean JSON.
    private static async Task<BenchmarkFigure> Timed(string name, Func<Task<BenchmarkFigure>> measure)
    {
        Console.Error.Write($"actors: {name} ... ");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var figure = await measure();
        Console.Error.WriteLine($"done in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return figure;
    }
}
