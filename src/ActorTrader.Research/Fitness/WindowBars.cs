using System.Globalization;
using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Fitness;

/// <summary>
/// Where a pinned window lies in a panel: the panel index of each window symbol (window order) and the first and last bar
/// index of the in-sample and out-of-sample date ranges (bar dates are the UTC dates of the bar starts). Locating reads
/// only the time axis, never prices.
/// </summary>
internal sealed record WindowBars(int[] SymbolIndices, int InSampleFirst, int InSampleLast, int OutOfSampleFirst, int OutOfSampleLast)
{
    public static WindowBars Locate(BarPanel panel, PinnedWindow window)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(window);
        var symbols = ResolveSymbols(panel, window.Symbols);
        var (inFirst, inLast) = Range(panel, window.InSampleStart, window.InSampleEnd, "in-sample");
        var (outFirst, outLast) = Range(panel, window.OutOfSampleStart, window.OutOfSampleEnd, "out-of-sample");
        if (inLast >= outFirst)
            throw new PinnedWindowException($"The in-sample range {Iso(window.InSampleStart)}..{Iso(window.InSampleEnd)} overlaps the out-of-sample range {Iso(window.OutOfSampleStart)}..{Iso(window.OutOfSampleEnd)}. Fix: end the in-sample range before the out-of-sample one starts.");
        return new WindowBars(symbols, inFirst, inLast, outFirst, outLast);
    }

    /// <summary>
    /// Bars <paramref name="first"/>..<paramref name="last"/> of the window's symbols (window order) as a panel of their own.
    /// Only bars up to <paramref name="last"/> are read: the point-in-time view cuts the rest off.
    /// </summary>
    public BarPanel Cut(BarPanel panel, int first, int last)
    {
        var view = panel.AsOf(last);
        var count = last - first + 1;
        double[][] Columns(Func<int, ReadOnlySpan<double>> series)
        {
            var columns = new double[SymbolIndices.Length][];
            for (var i = 0; i < columns.Length; i++) columns[i] = series(SymbolIndices[i]).Slice(first, count).ToArray();
            return columns;
        }
        var symbols = SymbolIndices.Select(i => panel.Symbols[i]).ToArray();
        var fundamentals = panel.Fundamentals.Where(kv => symbols.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        return BarPanel.FromColumns(panel.Timeframe, symbols, view.Times.Slice(first, count).ToArray(),
            Columns(s => view.Open(s)), Columns(s => view.High(s)), Columns(s => view.Low(s)), Columns(s => view.Close(s)), Columns(s => view.Volume(s)),
            fundamentals);
    }

    /// <summary><see cref="Locate"/>, after checking that the panel's bars still have the window's fingerprint.</summary>
    public static WindowBars LocateVerified(BarPanel panel, PinnedWindow window)
    {
        var bars = Locate(panel, window);
        var fingerprint = DataFingerprint.Compute(panel, window);
        if (!string.Equals(fingerprint, window.DataFingerprint, StringComparison.Ordinal))
            throw new PinnedWindowException($"The panel's data fingerprint {fingerprint} differs from the pinned window's {window.DataFingerprint}: the prices changed since the window was pinned. Fix: evaluate on the data the run was pinned on, or start a new run.");
        return bars;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly DateOf(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    private static int[] ResolveSymbols(BarPanel panel, IReadOnlyList<string> symbols)
    {
        if (symbols is null || symbols.Count == 0) throw new PinnedWindowException("The pinned window names no symbols. Fix: pin at least one symbol of the panel.");
        var indices = new int[symbols.Count];
        var seen = new HashSet<int>();
        for (var i = 0; i < symbols.Count; i++)
        {
            if (!Symbol.TryParse(symbols[i], out var symbol, out var error)) throw new PinnedWindowException($"Pinned symbol \"{symbols[i]}\": {error}");
            var index = panel.IndexOf(symbol);
            if (index < 0)
                throw new PinnedWindowException($"Pinned symbol {symbol} is not in the panel ({panel.SymbolCount} symbols: {string.Join(", ", panel.Symbols.Take(5))}{(panel.SymbolCount > 5 ? ", …" : "")}). Fix: load the data the window was pinned on.");
            if (!seen.Add(index)) throw new PinnedWindowException($"Pinned symbol {symbol} is listed twice. Fix: name each symbol once.");
            indices[i] = index;
        }
        return indices;
    }

    private static (int First, int Last) Range(BarPanel panel, DateOnly start, DateOnly end, string name)
    {
        if (end < start) throw new PinnedWindowException($"The {name} range ends ({Iso(end)}) before it starts ({Iso(start)}).");
        int first = -1, last = -1;
        for (var t = 0; t < panel.TimeCount; t++)
        {
            var date = DateOf(panel.Times[t]);
            if (date < start) continue;
            if (date > end) break;
            if (first < 0) first = t;
            last = t;
        }
        if (first < 0)
            throw new PinnedWindowException($"The panel has no bar in the {name} range {Iso(start)}..{Iso(end)}. Fix: load data covering the pinned window.");
        return (first, last);
    }
}
