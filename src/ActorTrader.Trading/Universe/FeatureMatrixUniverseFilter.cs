using ActorTrader.Backtest.Universe;
using FeatureRow = ActorTrader.Data.Features.FeatureRow;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Trading.Universe;

/// <summary>
/// The universe of a backtest, filtered point in time from the rows of <c>features_matrix.parquet</c>. A feature row is a
/// daily bar START; its close and rating are known only once that day has closed. A decision is taken at the close of the
/// decision bar starting at <c>decisionTime</c>, so a row is visible iff <c>row start + 1 day ≤ decisionTime + decision
/// bar</c>: for daily decisions, rows up to and including the decision bar; for intraday decisions, only days already
/// closed. The <see cref="FeatureUniverseRules"/> are then applied to the visible rows. Symbols the matrix does not hold
/// are never allowed (see <see cref="Audit"/>).
/// </summary>
public sealed class FeatureMatrixUniverseFilter : IUniverseFilter
{
    private static readonly TimeSpan FeatureBar = TimeSpan.FromDays(1);

    private readonly SymbolRows[] _bySymbol;
    private readonly FeatureUniverseRules _rules;
    private readonly TimeSpan _decisionBar;

    /// <param name="rows">Feature rows of any symbols, in any order; one row per symbol and time.</param>
    /// <param name="rules">Who may be held.</param>
    /// <param name="decisionBar">The length of the decision bars (the panel's timeframe); one day for daily backtests.</param>
    public FeatureMatrixUniverseFilter(IEnumerable<FeatureRow> rows, FeatureUniverseRules rules, TimeSpan decisionBar)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfLessThan(rules.MinimumHistory, 1, nameof(rules));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(decisionBar, TimeSpan.Zero);
        _rules = rules;
        _decisionBar = decisionBar;
        _bySymbol = [.. rows.GroupBy(r => r.Symbol).OrderBy(g => g.Key).Select(g => SymbolRows.From(g.Key, g))];
    }

    /// <summary>The rules this filter applies.</summary>
    public FeatureUniverseRules Rules => _rules;

    /// <summary>The symbols the rows cover, sorted.</summary>
    public IReadOnlyList<Symbol> Symbols => [.. _bySymbol.Select(s => s.Symbol)];

    public IReadOnlySet<Symbol> AllowedAt(DateTimeOffset decisionTime)
    {
        var knownBy = decisionTime.UtcTicks + _decisionBar.Ticks;
        var allowed = new HashSet<Symbol>();
        foreach (var rows in _bySymbol)
        {
            if (rows.Admits(knownBy, _rules)) allowed.Add(rows.Symbol);
        }
        return allowed;
    }

    /// <summary>Which of <paramref name="symbols"/> the matrix lacks, and how many of them are allowed at each of <paramref name="decisionTimes"/>.</summary>
    public UniverseAudit Audit(IReadOnlyList<Symbol> symbols, IReadOnlyList<DateTimeOffset> decisionTimes)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(decisionTimes);
        var held = _bySymbol.Select(s => s.Symbol).ToHashSet();
        var missing = symbols.Where(s => !held.Contains(s)).Order().ToArray();
        var decisions = decisionTimes
            .Select(t => new UniverseDecision(t, AllowedAt(t).Count(symbols.Contains)))
            .ToArray();
        return new UniverseAudit([.. symbols], missing, decisions);
    }

    /// <summary>One symbol's rows as columns sorted by time: when each becomes known, its close and rating (NaN = unknown).</summary>
    private sealed record SymbolRows(Symbol Symbol, long[] KnownAt, double[] Close, double[] Rating)
    {
        public static SymbolRows From(Symbol symbol, IEnumerable<FeatureRow> rows)
        {
            var sorted = rows.OrderBy(r => r.Timestamp.UtcTicks).ToArray();
            for (var i = 1; i < sorted.Length; i++)
            {
                if (sorted[i].Timestamp.UtcTicks == sorted[i - 1].Timestamp.UtcTicks)
                    throw new ArgumentException($"The feature rows list {symbol} twice at {sorted[i].Timestamp.UtcDateTime:O}; keep one row per symbol and day (rebuild with `actortrader features backfill`).", nameof(rows));
            }
            return new SymbolRows(
                symbol,
                [.. sorted.Select(r => r.Timestamp.UtcTicks + FeatureBar.Ticks)],
                [.. sorted.Select(r => r.Close)],
                [.. sorted.Select(r => r.RatingAll ?? double.NaN)]);
        }

        public bool Admits(long knownBy, FeatureUniverseRules rules)
        {
            var known = UpperBound(KnownAt, knownBy);
            if (known < rules.MinimumHistory) return false;
            var close = Close[known - 1];
            if (!(close >= rules.MinimumClose)) return false; // NaN fails
            if (rules.MinimumRating is not { } minimum) return true;
            return Rating[known - 1] >= minimum; // an unknown (NaN) rating fails a set minimum
        }

        /// <summary>How many entries are ≤ <paramref name="value"/> (the array is sorted).</summary>
        private static int UpperBound(long[] values, long value)
        {
            int lo = 0, hi = values.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (values[mid] <= value) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }
}
