namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>
/// Prices and volumes are computed as whole ticks (long) and turned into decimals only at the end, through
/// the (lo, mid, hi, scale) constructor: exact, and much faster than converting doubles to decimal.
/// </summary>
internal static class PriceTicks
{
    // Keeps an exploding or collapsing path representable; far outside any realistic synthetic price.
    private const double MaxTicks = 1e15;

    private static readonly double[] Scales = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

    public static double Scale(byte decimals) => Scales[decimals];

    /// <summary>The price exp(<paramref name="logPrice"/>) in ticks of 10^-decimals, at least one tick.</summary>
    public static long FromLog(double logPrice, byte decimals) => FromValue(Math.Exp(logPrice), decimals, minimum: 1);

    /// <summary>A non-negative quantity in units of 10^-decimals.</summary>
    public static long FromValue(double value, byte decimals, long minimum = 0)
    {
        var ticks = Math.Round(value * Scales[decimals]);
        if (!(ticks >= minimum)) return minimum;
        return ticks > MaxTicks ? (long)MaxTicks : (long)ticks;
    }

    public static decimal ToDecimal(long ticks, byte decimals) =>
        new((int)(uint)ticks, (int)(uint)((ulong)ticks >> 32), 0, false, decimals);
}
