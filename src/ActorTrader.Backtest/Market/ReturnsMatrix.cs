using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Backtest.Market;

/// <summary>
/// Simple periodic returns of several assets on one time axis, stored row-major in one flat array
/// (<c>[t × SymbolCount + s]</c>) so the vectorised simulator can walk it without indirection. Every value is finite:
/// a period without a return (before listing, a missing bar, bar 0) holds 0 and is marked unobserved
/// (<see cref="IsObserved"/>), so holdings simply do not move over it. Immutable.
/// </summary>
public sealed class ReturnsMatrix
{
    private readonly double[] _values;
    private readonly bool[] _observed;

    private ReturnsMatrix(Symbol[] symbols, DateTimeOffset[] times, double[] values, bool[] observed)
    {
        Symbols = symbols;
        Times = times;
        _values = values;
        _observed = observed;
    }

    public IReadOnlyList<Symbol> Symbols { get; }

    /// <summary>Bar starts, ascending, UTC; row t is the return over bar t (close of t−1 to close of t).</summary>
    public IReadOnlyList<DateTimeOffset> Times { get; }

    public int SymbolCount => Symbols.Count;

    public int TimeCount => Times.Count;

    /// <summary>The flat row-major values (read-only view).</summary>
    public ReadOnlySpan<double> Values => _values;

    internal double[] Array => _values;

    /// <summary>The returns of every asset over bar <paramref name="t"/>.</summary>
    public ReadOnlySpan<double> Row(int t) => _values.AsSpan(t * SymbolCount, SymbolCount);

    public double this[int t, int s] => _values[t * SymbolCount + s];

    /// <summary>True when asset <paramref name="s"/> had a real return over bar <paramref name="t"/> (prices at both ends).</summary>
    public bool IsObserved(int t, int s) => _observed[t * SymbolCount + s];

    /// <summary>
    /// Close-to-close returns of <paramref name="panel"/>: r[t] = close[t] / last known close before t − 1. Over a missing
    /// bar the return is 0 and the move is booked when the next close arrives, so nothing is lost across gaps.
    /// </summary>
    public static ReturnsMatrix FromPanel(BarPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        int n = panel.SymbolCount, count = panel.TimeCount;
        if (count == 0) throw new ArgumentException("The panel has no bars; a returns matrix needs at least one.", nameof(panel));
        var values = new double[count * n];
        var observed = new bool[count * n];
        var view = panel.AsOf(count - 1);
        for (var s = 0; s < n; s++)
        {
            var close = view.Close(s);
            var last = double.NaN;
            for (var t = 0; t < count; t++)
            {
                var c = close[t];
                if (!(c > 0) || !double.IsFinite(c)) continue;
                if (last > 0)
                {
                    values[t * n + s] = c / last - 1;
                    observed[t * n + s] = true;
                }
                last = c;
            }
        }
        return new ReturnsMatrix([.. panel.Symbols], [.. panel.Times], values, observed);
    }

    /// <summary>
    /// A matrix from ready returns (row-major, <paramref name="symbols"/>.Count per row). NaN means missing and becomes an
    /// unobserved 0; infinite values and returns ≤ −100% are refused.
    /// </summary>
    public static ReturnsMatrix FromValues(IReadOnlyList<Symbol> symbols, IReadOnlyList<DateTimeOffset> times, ReadOnlySpan<double> rowMajor)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(times);
        var n = symbols.Count;
        if (n == 0) throw new ArgumentException("A returns matrix needs at least one symbol.", nameof(symbols));
        if (rowMajor.Length != n * times.Count)
            throw new ArgumentException($"rowMajor has {rowMajor.Length} values; {times.Count} times × {n} symbols need {n * times.Count}.", nameof(rowMajor));
        Check.AscendingTimes(times, nameof(times));
        var values = new double[rowMajor.Length];
        var observed = new bool[rowMajor.Length];
        for (var i = 0; i < rowMajor.Length; i++)
        {
            var v = rowMajor[i];
            if (double.IsNaN(v)) continue;
            if (double.IsInfinity(v) || v <= -1)
                throw new ArgumentException($"Return of {symbols[i % n]} at {times[i / n]:O} is {v}; returns must be finite and above −100% (NaN = missing).", nameof(rowMajor));
            values[i] = v;
            observed[i] = true;
        }
        return new ReturnsMatrix([.. symbols], [.. times.Select(t => t.ToUniversalTime())], values, observed);
    }

    /// <summary>Rows <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> − 1 as a new matrix.</summary>
    public ReturnsMatrix Slice(int start, int count)
    {
        Check.Range(start, count, TimeCount);
        var n = SymbolCount;
        return new ReturnsMatrix([.. Symbols], [.. Times.Skip(start).Take(count)],
            _values.AsSpan(start * n, count * n).ToArray(), _observed.AsSpan(start * n, count * n).ToArray());
    }
}
