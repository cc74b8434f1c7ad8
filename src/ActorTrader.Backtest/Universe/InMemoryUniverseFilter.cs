using ActorTrader.Domain.Instruments;

namespace ActorTrader.Backtest.Universe;

/// <summary>
/// A universe filter over feature rows held in memory: per symbol, rows sorted by time, and at each decision time the
/// rule is applied to the rows at or before it (never later ones). For tests and runs small enough to hold the rows.
/// </summary>
public sealed class InMemoryUniverseFilter : IUniverseFilter
{
    private readonly (Symbol Symbol, DateTimeOffset[] Times, FeatureRow[] Rows)[] _bySymbol;
    private readonly UniverseRule _rule;

    public InMemoryUniverseFilter(IEnumerable<FeatureRow> rows, UniverseRule rule)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.MinimumHistory, 1, nameof(rule));
        _rule = rule;
        _bySymbol = [.. rows
            .GroupBy(r => r.Symbol)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var sorted = g.OrderBy(r => r.Time).ToArray();
                for (var i = 1; i < sorted.Length; i++)
                {
                    if (sorted[i].Time == sorted[i - 1].Time)
                        throw new ArgumentException($"Feature rows list {g.Key} twice at {sorted[i].Time:O}; keep one row per symbol and time.", nameof(rows));
                }
                return (g.Key, sorted.Select(r => r.Time.ToUniversalTime()).ToArray(), sorted);
            })];
    }

    public IReadOnlySet<Symbol> AllowedAt(DateTimeOffset decisionTime)
    {
        var allowed = new HashSet<Symbol>();
        foreach (var (symbol, times, rows) in _bySymbol)
        {
            var known = UpperBound(times, decisionTime); // rows with Time ≤ decisionTime
            if (known < _rule.MinimumHistory) continue;
            var latest = rows[known - 1];
            if (latest.Rating >= _rule.MinimumRating && latest.Close >= _rule.MinimumClose) allowed.Add(symbol);
        }
        return allowed;
    }

    private static int UpperBound(DateTimeOffset[] times, DateTimeOffset instant)
    {
        int lo = 0, hi = times.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (times[mid] <= instant) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
