namespace ActorTrader.Streams.Tests.Concurrency;

/// <summary>
/// Seeded scheduling noise for stress tests: each element waits a seeded number of Task.Yield hops, so tasks finish in
/// an order unrelated to their start order. The seed fixes the noise; the assertions never depend on timing.
/// </summary>
internal sealed class Jitter
{
    private readonly int[] _yields = new int[4096];

    public Jitter(int seed, int maxYields)
    {
        var random = new Random(seed);
        for (var i = 0; i < _yields.Length; i++) _yields[i] = random.Next(0, maxYields + 1);
    }

    /// <summary>Returns <paramref name="value"/> after element <paramref name="element"/>'s seeded number of yields.</summary>
    public async Task<T> Delay<T>(int element, T value)
    {
        for (var i = 0; i < _yields[element & (_yields.Length - 1)]; i++) await Task.Yield();
        return value;
    }

    /// <summary><paramref name="first"/>, <paramref name="first"/>+1, ... (<paramref name="count"/> elements), each after its seeded yields.</summary>
    public async IAsyncEnumerable<int> Range(int first, int count)
    {
        for (var i = first; i < first + count; i++) yield return await Delay(i, i);
    }
}
