using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Strategies.Tests.Support;

/// <summary>
/// Builds a <see cref="BarPanel"/> from close series (NaN = no bar): unless given, open = previous close, high/low = the larger/smaller of
/// open and close ± 0.1%, volume 1,000,000.
/// </summary>
internal sealed class PanelBuilder(IReadOnlyList<DateTimeOffset> times, Timeframe timeframe)
{
    private readonly List<(Symbol Symbol, double[] Open, double[] High, double[] Low, double[] Close, double[] Volume)> _columns = [];
    private readonly Dictionary<Symbol, FundamentalData> _fundamentals = [];

    public IReadOnlyList<DateTimeOffset> Times => times;

    public PanelBuilder Add(string symbol, double[] close, double[]? volume = null, double[]? open = null, double[]? high = null, double[]? low = null)
    {
        if (close.Length != times.Count) throw new ArgumentException($"{symbol}: {close.Length} closes for {times.Count} times.", nameof(close));
        open ??= [.. close.Select((c, i) => i == 0 ? c : close[i - 1])];
        high ??= [.. close.Select((c, i) => Math.Max(open[i], c) * 1.001)];
        low ??= [.. close.Select((c, i) => Math.Min(open[i], c) * 0.999)];
        volume ??= Series.Constant(close.Length, 1_000_000);
        _columns.Add((Symbol.Parse(symbol), open, high, low, close, volume));
        return this;
    }

    public PanelBuilder Fundamentals(string symbol, FundamentalData data)
    {
        _fundamentals[Symbol.Parse(symbol)] = data;
        return this;
    }

    /// <summary>The panel as the lakehouse would give it: <see cref="BarPanel.FromBars"/> (symbols in ordinal order), a NaN close meaning no bar.</summary>
    public BarPanel Build()
    {
        var bars = new Dictionary<Symbol, IReadOnlyList<Bar>>();
        foreach (var (symbol, open, high, low, close, volume) in _columns)
        {
            bars[symbol] = [.. Enumerable.Range(0, times.Count).Where(i => double.IsFinite(close[i]))
                .Select(i => new Bar(times[i], (decimal)open[i], (decimal)high[i], (decimal)low[i], (decimal)close[i], (decimal)volume[i]))];
        }
        return BarPanel.FromBars(timeframe, bars, _fundamentals.Count == 0 ? null : _fundamentals);
    }

    /// <summary>
    /// The panel a strategy would have had if the data ended at bar <paramref name="last"/>: rebuilt from the bars up to it
    /// (a symbol without any bar yet is absent) and the fundamentals published by then.
    /// </summary>
    public static BarPanel Truncate(BarPanel panel, int last)
    {
        var view = panel.AsOf(last);
        var bars = new Dictionary<Symbol, IReadOnlyList<Bar>>();
        for (var s = 0; s < panel.SymbolCount; s++)
        {
            var open = view.Open(s);
            var high = view.High(s);
            var low = view.Low(s);
            var close = view.Close(s);
            var volume = view.Volume(s);
            var list = new List<Bar>();
            for (var i = 0; i <= last; i++)
            {
                if (double.IsFinite(close[i]))
                    list.Add(new Bar(view.Times[i], (decimal)open[i], (decimal)high[i], (decimal)low[i], (decimal)close[i], (decimal)volume[i]));
            }
            if (list.Count > 0) bars[panel.Symbols[s]] = list;
        }
        var fundamentals = panel.Fundamentals.Where(f => bars.ContainsKey(f.Key) && f.Value.KnownFrom <= view.DecisionTime)
            .ToDictionary(f => f.Key, f => f.Value);
        return BarPanel.FromBars(panel.Timeframe, bars, fundamentals.Count == 0 ? null : fundamentals);
    }
}
