namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>
/// Compound-Poisson jumps in log price. The number of jumps in each timeline block, their days and sizes are
/// counter draws keyed by the block, so the cumulative jump at any day needs only a few draws per earlier block.
/// A jump on a closed day shows up in the next session's open (a gap). Every block is summed the same way
/// (day by day) whether it is before or inside the requested range, so the floating-point result is the same.
/// </summary>
internal static class PoissonJumps
{
    private const int MaxJumpsPerBlock = 16;

    /// <summary>Adds the cumulative jump through each day in [first, last] to <paramref name="target"/>[day − first].</summary>
    public static void Accumulate(ulong key, JumpParameters jumps, int dayCount, int first, int last, Span<double> target)
    {
        if (jumps.PerYear <= 0) return;
        var keys = new JumpKeys(CounterRng.Derive(key, 1), CounterRng.Derive(key, 2), CounterRng.Derive(key, 3));
        var perBlock = jumps.PerYear * SyntheticTimeline.BlockDays / 365.2425;
        var noJumpProbability = Math.Exp(-perBlock);
        Span<double> byDay = stackalloc double[SyntheticTimeline.BlockDays];
        var level = 0.0;
        for (var block = 0; block <= last / SyntheticTimeline.BlockDays; block++)
        {
            var start = block * SyntheticTimeline.BlockDays;
            var length = Math.Min(SyntheticTimeline.BlockDays, dayCount - start);
            var from = Math.Max(first, start) - start;
            var to = Math.Min(last, start + length - 1) - start;
            if (!JumpsByDay(keys, jumps, block, perBlock, noJumpProbability, byDay[..length]))
            {
                // No jump in this block (the usual case): the level stays, as adding zeros would leave it.
                for (var i = from; i <= to; i++) target[start + i - first] += level;
                continue;
            }
            for (var i = 0; i < length; i++)
            {
                level += byDay[i];
                if (i >= from && i <= to) target[start + i - first] += level;
            }
        }
    }

    private static bool JumpsByDay(JumpKeys keys, JumpParameters jumps, int block, double mean, double noJumpProbability, Span<double> byDay)
    {
        var count = Count(keys.Count, block, mean, noJumpProbability);
        if (count == 0) return false;
        byDay.Clear();
        for (var j = 0; j < count; j++)
        {
            var offset = (int)(CounterRng.Uniform(keys.Day, Counter(block, j)) * byDay.Length);
            byDay[offset] += jumps.Mean + (jumps.StandardDeviation * CounterRng.Normal(keys.Size, Counter(block, j)));
        }
        return true;
    }

    private static long Counter(int block, int jump) => ((long)block * MaxJumpsPerBlock) + jump;

    // Poisson by inversion of the CDF with one uniform.
    private static int Count(ulong key, int block, double mean, double noJumpProbability)
    {
        var u = CounterRng.Uniform(key, block);
        var probability = noJumpProbability;
        var cumulative = probability;
        var count = 0;
        while (u > cumulative && count < MaxJumpsPerBlock)
        {
            count++;
            probability *= mean / count;
            cumulative += probability;
        }
        return count;
    }

    private readonly record struct JumpKeys(ulong Count, ulong Day, ulong Size);
}
