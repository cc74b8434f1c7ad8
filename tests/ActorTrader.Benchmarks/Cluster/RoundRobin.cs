namespace ActorTrader.Benchmarks.Cluster;

/// <summary>
/// <see cref="Sampling.Alternating"/> for more than two sides: after <paramref name="warmups"/> untimed rounds of each,
/// <paramref name="iterations"/> rounds in which every side runs once in turn, each after a full collection.
/// </summary>
internal static class RoundRobin
{
    public static async Task<IReadOnlyList<SampleSet>> RunAsync(int warmups, int iterations, params Func<Task<double>>[] sides)
    {
        ArgumentNullException.ThrowIfNull(sides);
        for (var i = 0; i < warmups; i++)
        {
            foreach (var side in sides) await side();
        }
        var samples = sides.Select(_ => new List<double>(iterations)).ToArray();
        for (var i = 0; i < iterations; i++)
        {
            for (var s = 0; s < sides.Length; s++)
            {
                Sampling.FullCollect();
                samples[s].Add(await sides[s]());
            }
        }
        return [.. samples.Select(s => new SampleSet(s))];
    }
}
