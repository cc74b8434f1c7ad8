namespace ActorTrader.Quant.Indicators;

/// <summary>
/// Aligned OHLCV columns for the indicators that need more than the close. Every column has the same length and holds
/// finite values (missing bars must be filled or dropped before); the arrays are copied so later edits don't leak in.
/// </summary>
public sealed class PriceBars
{
    private readonly double[] _open, _high, _low, _close, _volume;

    /// <summary>Validates and copies the columns; errors name the column and index.</summary>
    public PriceBars(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, ReadOnlySpan<double> volume)
    {
        IndicatorGuard.SameLength(close, open, nameof(close), nameof(open));
        IndicatorGuard.SameLength(close, high, nameof(close), nameof(high));
        IndicatorGuard.SameLength(close, low, nameof(close), nameof(low));
        IndicatorGuard.SameLength(close, volume, nameof(close), nameof(volume));
        IndicatorGuard.Prices(open, nameof(open));
        IndicatorGuard.Prices(high, nameof(high));
        IndicatorGuard.Prices(low, nameof(low));
        IndicatorGuard.Prices(close, nameof(close));
        IndicatorGuard.Prices(volume, nameof(volume));
        for (var i = 0; i < close.Length; i++)
        {
            if (high[i] < low[i])
                throw new ArgumentException($"high[{i}] = {high[i]} is below low[{i}] = {low[i]}; fix or drop the bar.", nameof(high));
        }
        (_open, _high, _low, _close, _volume) = (open.ToArray(), high.ToArray(), low.ToArray(), close.ToArray(), volume.ToArray());
    }

    /// <summary>Number of bars.</summary>
    public int Count => _close.Length;

    /// <summary>Opening prices.</summary>
    public ReadOnlySpan<double> Open => _open;

    /// <summary>Highs.</summary>
    public ReadOnlySpan<double> High => _high;

    /// <summary>Lows.</summary>
    public ReadOnlySpan<double> Low => _low;

    /// <summary>Closing prices.</summary>
    public ReadOnlySpan<double> Close => _close;

    /// <summary>Volumes.</summary>
    public ReadOnlySpan<double> Volume => _volume;
}
