namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>
/// A Gaussian random walk on the timeline whose value on any day costs O(days since the block start + blocks
/// since the epoch) instead of O(days since the epoch).
/// <para>
/// How: the walk's sum over each block of <see cref="SyntheticTimeline.BlockDays"/> days (the block "anchor") is
/// drawn first, from a counter keyed by the block; the level at a block start is the sum of the earlier anchors
/// (one draw per ~4 months of history). Inside a block, the daily increments are drawn from counters keyed by
/// the day and then conditioned on the anchor (a Brownian bridge: z'ᵢ = zᵢ + vᵢ/V·(A − Σz), exact for independent
/// Gaussians with variances vᵢ summing to V). Every value is therefore a pure function of (key, day), and the
/// floating-point operations leading to it are the same whatever range is asked for.
/// </para>
/// </summary>
internal static class BridgedRandomWalk
{
    private const ulong AnchorPurpose = 1;
    private const ulong DayPurpose = 2;

    /// <summary>Adds σ·W(day) for every day in [first, last] to <paramref name="target"/>[day − first].</summary>
    public static void Accumulate(ulong key, SessionSchedule schedule, double sigma, int first, int last, Span<double> target)
    {
        if (sigma == 0) return;
        var anchorKey = CounterRng.Derive(key, AnchorPurpose);
        var firstBlock = first / SyntheticTimeline.BlockDays;
        var lastBlock = last / SyntheticTimeline.BlockDays;
        var level = SumOfAnchors(anchorKey, schedule, firstBlock);
        Span<double> values = stackalloc double[SyntheticTimeline.BlockDays];
        for (var block = firstBlock; block <= lastBlock; block++)
        {
            var start = block * SyntheticTimeline.BlockDays;
            var length = Block(key, schedule, block, level, values);
            var from = Math.Max(first, start) - start;
            var to = Math.Min(last, start + length - 1) - start;
            for (var i = from; i <= to; i++) target[start + i - first] += sigma * values[i];
            level += Anchor(anchorKey, schedule, block);
        }
    }

    /// <summary>The unit walk W on every day of one block (level included); returns the block's length in days.</summary>
    public static int Block(ulong key, SessionSchedule schedule, int block, double level, Span<double> values)
    {
        var anchorKey = CounterRng.Derive(key, AnchorPurpose);
        var dayKey = CounterRng.Derive(key, DayPurpose);
        var start = block * SyntheticTimeline.BlockDays;
        var length = Math.Min(SyntheticTimeline.BlockDays, schedule.DayCount - start);
        var total = 0.0;
        // Both Box–Muller outputs are used: days 2k and 2k+1 share counter k (blocks start on even days).
        for (var i = 0; i < length; i += 2)
        {
            var (z0, z1) = CounterRng.NormalPair(dayKey, (start + i) / 2);
            values[i] = Math.Sqrt(schedule.UnitVariance(start + i)) * z0;
            total += values[i];
            if (i + 1 < length)
            {
                values[i + 1] = Math.Sqrt(schedule.UnitVariance(start + i + 1)) * z1;
                total += values[i + 1];
            }
        }
        var blockVariance = schedule.BlockUnitVariance(block);
        var correction = blockVariance > 0 ? (Anchor(anchorKey, schedule, block) - total) / blockVariance : 0;
        var value = level;
        for (var i = 0; i < length; i++)
        {
            value += values[i] + (schedule.UnitVariance(start + i) * correction);
            values[i] = value;
        }
        return length;
    }

    /// <summary>W at the start of <paramref name="block"/>: the sum of all earlier block anchors.</summary>
    public static double LevelAtBlockStart(ulong key, SessionSchedule schedule, int block) =>
        SumOfAnchors(CounterRng.Derive(key, AnchorPurpose), schedule, block);

    private static double SumOfAnchors(ulong anchorKey, SessionSchedule schedule, int block)
    {
        var level = 0.0;
        for (var b = 0; b < block; b++) level += Anchor(anchorKey, schedule, b);
        return level;
    }

    private static double Anchor(ulong anchorKey, SessionSchedule schedule, int block) =>
        Math.Sqrt(schedule.BlockUnitVariance(block)) * CounterRng.Normal(anchorKey, block);
}
