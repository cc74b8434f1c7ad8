using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Strategies.Panel;

/// <summary>
/// Bars of several symbols aligned on one ascending UTC time axis: [symbol][time] arrays of open, high, low, close and
/// volume as doubles (signals are statistics; money stays decimal in orders and the ledger), NaN where a symbol has no
/// bar at that time. Immutable. Strategies never see it directly — only through <see cref="AsOf(int)"/>, which cuts the
/// future off.
/// </summary>
public sealed class BarPanel
{
    private readonly Dictionary<Symbol, int> _index;

    private BarPanel(Timeframe timeframe, Symbol[] symbols, DateTimeOffset[] times,
        double[][] open, double[][] high, double[][] low, double[][] close, double[][] volume,
        IReadOnlyDictionary<Symbol, FundamentalData>? fundamentals)
    {
        Timeframe = timeframe;
        Symbols = symbols;
        Times = times;
        TimeArray = times;
        Open = open; High = high; Low = low; Close = close; Volume = volume;
        // Copied like the columns, so the caller cannot change what the panel knew.
        Fundamentals = fundamentals is null ? new Dictionary<Symbol, FundamentalData>() : fundamentals.ToDictionary(kv => kv.Key, kv => kv.Value);
        _index = new Dictionary<Symbol, int>(symbols.Length);
        for (var i = 0; i < symbols.Length; i++)
        {
            if (!_index.TryAdd(symbols[i], i)) throw new ArgumentException($"Symbol {symbols[i]} appears twice in the panel.", nameof(symbols));
        }
    }

    public Timeframe Timeframe { get; }

    /// <summary>Symbols in panel order (the order given, or ordinal order from <see cref="FromBars"/>).</summary>
    public IReadOnlyList<Symbol> Symbols { get; }

    /// <summary>Bar starts, ascending, UTC.</summary>
    public IReadOnlyList<DateTimeOffset> Times { get; }

    /// <summary>Point-in-time fundamental inputs by symbol (empty when the catalog has none).</summary>
    public IReadOnlyDictionary<Symbol, FundamentalData> Fundamentals { get; }

    internal DateTimeOffset[] TimeArray { get; }

    internal double[][] Open { get; }
    internal double[][] High { get; }
    internal double[][] Low { get; }
    internal double[][] Close { get; }
    internal double[][] Volume { get; }

    public int SymbolCount => Symbols.Count;

    public int TimeCount => Times.Count;

    /// <summary>Index of <paramref name="symbol"/>, or -1 when it is not in the panel.</summary>
    public int IndexOf(Symbol symbol) => _index.TryGetValue(symbol, out var i) ? i : -1;

    /// <summary>
    /// The panel as a strategy sees it when deciding at the close of bar <paramref name="now"/>: bars 0..now only.
    /// </summary>
    public PointInTimePanel AsOf(int now)
    {
        if (now < 0 || now >= TimeCount)
            throw new ArgumentOutOfRangeException(nameof(now), now, $"The panel has bars 0..{TimeCount - 1}.");
        return new PointInTimePanel(this, now);
    }

    /// <summary>
    /// The view at the last bar that started at or before <paramref name="decisionTime"/>; null when none did.
    /// <paramref name="decisionTime"/> is a bar label, like <see cref="PointInTimePanel.DecisionTime"/> (a bar start), and the
    /// view includes that bar's close. To decide at a wall-clock instant T without seeing the bar still forming at T, pass
    /// T − <see cref="Timeframe"/>.Duration.
    /// </summary>
    public PointInTimePanel? AsOf(DateTimeOffset decisionTime)
    {
        var i = LastIndexAtOrBefore(decisionTime);
        return i < 0 ? null : new PointInTimePanel(this, i);
    }

    /// <summary>Index of the last time ≤ <paramref name="instant"/>, or -1.</summary>
    public int LastIndexAtOrBefore(DateTimeOffset instant)
    {
        int lo = 0, hi = TimeCount - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Times[mid] <= instant) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    /// <summary>Aligns <paramref name="bars"/> on the union of their timestamps; symbols in ordinal order.</summary>
    public static BarPanel FromBars(Timeframe timeframe, IReadOnlyDictionary<Symbol, IReadOnlyList<Bar>> bars,
        IReadOnlyDictionary<Symbol, FundamentalData>? fundamentals = null)
    {
        ArgumentNullException.ThrowIfNull(timeframe);
        ArgumentNullException.ThrowIfNull(bars);
        var symbols = bars.Keys.Order().ToArray();
        var times = bars.Values.SelectMany(b => b).Select(b => b.Timestamp).Distinct().Order().ToArray();
        var position = new Dictionary<DateTimeOffset, int>(times.Length);
        for (var t = 0; t < times.Length; t++) position[times[t]] = t;
        double[][] Make() => symbols.Select(_ => Enumerable.Repeat(double.NaN, times.Length).ToArray()).ToArray();
        var (open, high, low, close, volume) = (Make(), Make(), Make(), Make(), Make());
        for (var s = 0; s < symbols.Length; s++)
        {
            foreach (var bar in bars[symbols[s]])
            {
                var t = position[bar.Timestamp];
                open[s][t] = (double)bar.Open;
                high[s][t] = (double)bar.High;
                low[s][t] = (double)bar.Low;
                close[s][t] = (double)bar.Close;
                volume[s][t] = (double)bar.Volume;
            }
        }
        return new BarPanel(timeframe, symbols, times, open, high, low, close, volume, fundamentals);
    }

    /// <summary>A panel from ready columns ([symbol][time]); arrays are copied so the caller cannot change the past.</summary>
    public static BarPanel FromColumns(Timeframe timeframe, IReadOnlyList<Symbol> symbols, IReadOnlyList<DateTimeOffset> times,
        double[][] open, double[][] high, double[][] low, double[][] close, double[][] volume,
        IReadOnlyDictionary<Symbol, FundamentalData>? fundamentals = null)
    {
        ArgumentNullException.ThrowIfNull(timeframe);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(times);
        for (var t = 1; t < times.Count; t++)
        {
            if (times[t] <= times[t - 1]) throw new ArgumentException($"Times must be strictly ascending; {times[t]:O} follows {times[t - 1]:O}.", nameof(times));
        }
        double[][] Copy(double[][] columns, string name)
        {
            ArgumentNullException.ThrowIfNull(columns, name);
            if (columns.Length != symbols.Count) throw new ArgumentException($"{name} has {columns.Length} rows for {symbols.Count} symbols.", name);
            var copy = new double[columns.Length][];
            for (var s = 0; s < columns.Length; s++)
            {
                if (columns[s].Length != times.Count) throw new ArgumentException($"{name}[{symbols[s]}] has {columns[s].Length} values for {times.Count} times.", name);
                copy[s] = (double[])columns[s].Clone();
            }
            return copy;
        }
        return new BarPanel(timeframe, [.. symbols], [.. times.Select(t => t.ToUniversalTime())],
            Copy(open, nameof(open)), Copy(high, nameof(high)), Copy(low, nameof(low)), Copy(close, nameof(close)), Copy(volume, nameof(volume)),
            fundamentals);
    }
}
