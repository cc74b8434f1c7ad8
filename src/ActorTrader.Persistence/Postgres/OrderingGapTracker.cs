namespace ActorTrader.Persistence.Postgres;

/// <summary>
/// Remembers missing journal orderings for one query object. PostgreSQL hands out identity values when a
/// row is inserted, not when it commits, so ordering 7 can be visible while 6 is still in flight. A gap is
/// waited for until <c>gapTimeout</c> after it was first seen; then it counts as permanent (a rolled-back
/// transaction) and is stepped over from then on.
/// </summary>
internal sealed class OrderingGapTracker
{
    private readonly TimeSpan _gapTimeout;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly HashSet<long> _permanent = [];
    private readonly Dictionary<long, long> _firstSeen = [];

    public OrderingGapTracker(TimeSpan gapTimeout, TimeProvider time)
    {
        _gapTimeout = gapTimeout;
        _time = time;
    }

    public bool IsPermanent(long ordering)
    {
        lock (_gate)
        {
            return _permanent.Contains(ordering);
        }
    }

    /// <summary>
    /// The highest ordering up to which <paramref name="visible"/> (ascending orderings after
    /// <paramref name="after"/>) has no open gap, and the first open gap when there is one.
    /// </summary>
    public ContiguousRange FindContiguous(long after, IReadOnlyList<long> visible)
    {
        var upTo = after;
        var expected = after + 1;
        foreach (var ordering in visible)
        {
            while (expected < ordering)
            {
                if (!IsPermanent(expected))
                {
                    return new ContiguousRange(upTo, new OrderingGap(expected, ordering));
                }

                expected++;
            }

            upTo = ordering;
            expected = ordering + 1;
        }

        return new ContiguousRange(upTo, null);
    }

    /// <summary>How much longer to wait for <paramref name="gap"/>; zero once it has been marked permanent.</summary>
    public TimeSpan RemainingWait(OrderingGap gap)
    {
        lock (_gate)
        {
            if (!_firstSeen.TryGetValue(gap.From, out var since))
            {
                since = _time.GetTimestamp();
                _firstSeen[gap.From] = since;
            }

            var remaining = _gapTimeout - _time.GetElapsedTime(since);
            if (remaining > TimeSpan.Zero)
            {
                return remaining;
            }

            for (var ordering = gap.From; ordering < gap.Until; ordering++)
            {
                _permanent.Add(ordering);
            }

            _firstSeen.Remove(gap.From);
            return TimeSpan.Zero;
        }
    }
}

/// <summary>Orderings <see cref="From"/> ≤ o &lt; <see cref="Until"/> are missing while <see cref="Until"/> is visible.</summary>
internal readonly record struct OrderingGap(long From, long Until);

/// <summary>Rows up to <see cref="UpTo"/> are safe to read; <see cref="Gap"/> is the open gap just after, if any.</summary>
internal readonly record struct ContiguousRange(long UpTo, OrderingGap? Gap);
