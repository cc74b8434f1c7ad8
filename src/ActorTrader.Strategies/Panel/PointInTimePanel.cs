using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Strategies.Panel;

/// <summary>
/// What a strategy may see when it decides at the close of bar <see cref="Now"/>: bars 0..Now of every symbol and
/// nothing later. Series come back as spans that end at Now, and single-bar accessors refuse a later index with
/// <see cref="LookAheadException"/>, so a strategy cannot peek at the bar its order will fill on.
/// </summary>
public sealed class PointInTimePanel
{
    private readonly BarPanel _panel;

    internal PointInTimePanel(BarPanel panel, int now)
    {
        _panel = panel;
        Now = now;
    }

    /// <summary>Index of the last visible bar (the decision bar, whose close is known).</summary>
    public int Now { get; }

    /// <summary>Start of the decision bar, UTC.</summary>
    public DateTimeOffset DecisionTime => _panel.Times[Now];

    /// <summary>Number of visible bars (Now + 1).</summary>
    public int Length => Now + 1;

    public Timeframe Timeframe => _panel.Timeframe;

    public IReadOnlyList<Symbol> Symbols => _panel.Symbols;

    public int SymbolCount => _panel.SymbolCount;

    /// <summary>Index of <paramref name="symbol"/>, or -1 when it is not in the panel.</summary>
    public int IndexOf(Symbol symbol) => _panel.IndexOf(symbol);

    /// <summary>Fundamental inputs of <paramref name="symbol"/> known at the decision time, or null.</summary>
    public FundamentalData? FundamentalsOf(Symbol symbol) =>
        _panel.Fundamentals.TryGetValue(symbol, out var data) && data.KnownFrom <= DecisionTime ? data : null;

    /// <summary>True when fundamental inputs of at least one symbol are known at the decision time (later publications do not count).</summary>
    public bool HasFundamentals => _panel.Fundamentals.Values.Any(d => d.KnownFrom <= DecisionTime);

    /// <summary>Visible bar starts, ending with the decision bar.</summary>
    public ReadOnlySpan<DateTimeOffset> Times => _panel.TimeArray.AsSpan(0, Length);

    public ReadOnlySpan<double> Open(int symbol) => _panel.Open[symbol].AsSpan(0, Length);

    public ReadOnlySpan<double> High(int symbol) => _panel.High[symbol].AsSpan(0, Length);

    public ReadOnlySpan<double> Low(int symbol) => _panel.Low[symbol].AsSpan(0, Length);

    public ReadOnlySpan<double> Close(int symbol) => _panel.Close[symbol].AsSpan(0, Length);

    public ReadOnlySpan<double> Volume(int symbol) => _panel.Volume[symbol].AsSpan(0, Length);

    /// <summary>The bar start at <paramref name="time"/>; a time after <see cref="Now"/> is refused.</summary>
    public DateTimeOffset TimeAt(int time) => _panel.Times[Check(time)];

    public double OpenAt(int symbol, int time) => _panel.Open[symbol][Check(time)];

    public double HighAt(int symbol, int time) => _panel.High[symbol][Check(time)];

    public double LowAt(int symbol, int time) => _panel.Low[symbol][Check(time)];

    public double CloseAt(int symbol, int time) => _panel.Close[symbol][Check(time)];

    public double VolumeAt(int symbol, int time) => _panel.Volume[symbol][Check(time)];

    private int Check(int time)
    {
        if (time > Now) throw new LookAheadException(DecisionTime, Now, time);
        ArgumentOutOfRangeException.ThrowIfNegative(time);
        return time;
    }
}
