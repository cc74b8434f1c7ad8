using System.Collections.Concurrent;

namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>
/// The market and sector factor walks, block by block, computed once per provider and shared by every symbol
/// that loads on them (they are the same for all symbols of a seed). Values are pure functions of (key, block),
/// so a cached block is bit-identical to a recomputed one and concurrent duplicate work is harmless.
/// At most (1 market + 12 sectors) × ~255 blocks × 1 KiB ≈ 3.3 MB.
/// </summary>
internal sealed class SharedFactorCache
{
    private readonly ConcurrentDictionary<(ulong Key, int Block), double[]> _blocks = new();

    /// <summary>Adds σ·F(day) for every day in [first, last] to <paramref name="target"/>[day − first].</summary>
    public void Accumulate(ulong key, SessionSchedule schedule, double sigma, int first, int last, Span<double> target)
    {
        if (sigma == 0) return;
        for (var block = first / SyntheticTimeline.BlockDays; block <= last / SyntheticTimeline.BlockDays; block++)
        {
            var values = _blocks.GetOrAdd((key, block), static (id, s) => Compute(id.Key, s, id.Block), schedule);
            var start = block * SyntheticTimeline.BlockDays;
            var from = Math.Max(first, start) - start;
            var to = Math.Min(last, start + values.Length - 1) - start;
            for (var i = from; i <= to; i++) target[start + i - first] += sigma * values[i];
        }
    }

    private static double[] Compute(ulong key, SessionSchedule schedule, int block)
    {
        Span<double> values = stackalloc double[SyntheticTimeline.BlockDays];
        var length = BridgedRandomWalk.Block(key, schedule, block, BridgedRandomWalk.LevelAtBlockStart(key, schedule, block), values);
        return values[..length].ToArray();
    }
}
