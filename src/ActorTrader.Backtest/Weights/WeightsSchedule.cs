using ActorTrader.Backtest.Market;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Backtest.Weights;

/// <summary>
/// Target portfolio weights decided at the close of every bar (fractions of NAV, negative = short, 1 − Σw in cash),
/// row-major in one flat array. Row t is what the portfolio should hold over bar t+1; the simulators read it at their
/// rebalance bars and let holdings drift in between. Every value is finite. Immutable.
/// </summary>
public sealed class WeightsSchedule
{
    private readonly double[] _values;

    private WeightsSchedule(Symbol[] symbols, DateTimeOffset[] times, double[] values)
    {
        Symbols = symbols;
        Times = times;
        _values = values;
    }

    public IReadOnlyList<Symbol> Symbols { get; }

    public IReadOnlyList<DateTimeOffset> Times { get; }

    public int SymbolCount => Symbols.Count;

    public int TimeCount => Times.Count;

    public ReadOnlySpan<double> Values => _values;

    internal double[] Array => _values;

    /// <summary>Targets decided at the close of bar <paramref name="t"/>.</summary>
    public ReadOnlySpan<double> Row(int t) => _values.AsSpan(t * SymbolCount, SymbolCount);

    public double this[int t, int s] => _values[t * SymbolCount + s];

    /// <summary>A schedule from row-major values (copied); NaN or infinite weights are refused with their position.</summary>
    public static WeightsSchedule FromValues(IReadOnlyList<Symbol> symbols, IReadOnlyList<DateTimeOffset> times, ReadOnlySpan<double> rowMajor)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(times);
        var n = symbols.Count;
        if (rowMajor.Length != n * times.Count)
            throw new ArgumentException($"rowMajor has {rowMajor.Length} weights; {times.Count} times × {n} symbols need {n * times.Count}.", nameof(rowMajor));
        Check.AscendingTimes(times, nameof(times));
        for (var i = 0; i < rowMajor.Length; i++)
        {
            if (!double.IsFinite(rowMajor[i]))
                throw new ArgumentException($"Weight of {symbols[i % n]} at {times[i / n]:O} is {rowMajor[i]}; weights must be finite (0 = no position).", nameof(rowMajor));
        }
        return new WeightsSchedule([.. symbols], [.. times.Select(t => t.ToUniversalTime())], rowMajor.ToArray());
    }

    /// <summary>A schedule from one row per bar (each <paramref name="symbols"/>.Count long).</summary>
    public static WeightsSchedule FromRows(IReadOnlyList<Symbol> symbols, IReadOnlyList<DateTimeOffset> times, IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(times);
        if (rows.Count != times.Count) throw new ArgumentException($"rows has {rows.Count} rows for {times.Count} times.", nameof(rows));
        var n = symbols.Count;
        var flat = new double[rows.Count * n];
        for (var t = 0; t < rows.Count; t++)
        {
            if (rows[t].Length != n) throw new ArgumentException($"Row {t} has {rows[t].Length} weights for {n} symbols.", nameof(rows));
            rows[t].CopyTo(flat, t * n);
        }
        return FromValues(symbols, times, flat);
    }

    /// <summary>The same row every bar (e.g. equal weight, buy and hold).</summary>
    public static WeightsSchedule Constant(IReadOnlyList<Symbol> symbols, IReadOnlyList<DateTimeOffset> times, ReadOnlySpan<double> row)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(times);
        if (row.Length != symbols.Count) throw new ArgumentException($"row has {row.Length} weights for {symbols.Count} symbols.", nameof(row));
        var flat = new double[times.Count * symbols.Count];
        for (var t = 0; t < times.Count; t++) row.CopyTo(flat.AsSpan(t * symbols.Count));
        return FromValues(symbols, times, flat);
    }

    /// <summary>Rows <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> − 1 as a new schedule.</summary>
    public WeightsSchedule Slice(int start, int count)
    {
        Check.Range(start, count, TimeCount);
        return new WeightsSchedule([.. Symbols], [.. Times.Skip(start).Take(count)], _values.AsSpan(start * SymbolCount, count * SymbolCount).ToArray());
    }
}
