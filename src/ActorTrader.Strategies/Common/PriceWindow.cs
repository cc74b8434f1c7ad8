namespace ActorTrader.Strategies.Common;

/// <summary>
/// Trailing windows of a panel series that end at the decision bar. A symbol with a missing (NaN) or non-positive price
/// inside the window is skipped by the strategies rather than filled, so no value is invented.
/// </summary>
internal static class PriceWindow
{
    /// <summary>The last <paramref name="count"/> values when there are that many and all are finite and positive.</summary>
    public static bool TryPrices(ReadOnlySpan<double> series, int count, out ReadOnlySpan<double> window)
    {
        window = default;
        if (count < 1 || series.Length < count) return false;
        var tail = series[^count..];
        foreach (var v in tail)
        {
            if (!(v > 0) || !double.IsFinite(v)) return false;
        }
        window = tail;
        return true;
    }

    /// <summary>The last <paramref name="count"/> volumes when there are that many and all are finite and not negative.</summary>
    public static bool TryVolumes(ReadOnlySpan<double> series, int count, out ReadOnlySpan<double> window)
    {
        window = default;
        if (count < 1 || series.Length < count) return false;
        var tail = series[^count..];
        foreach (var v in tail)
        {
            if (!(v >= 0) || !double.IsFinite(v)) return false;
        }
        window = tail;
        return true;
    }

    /// <summary>Simple returns p[t]/p[t−1] − 1 of a gap-free price window (one value fewer).</summary>
    public static double[] SimpleReturns(ReadOnlySpan<double> prices)
    {
        var r = new double[Math.Max(0, prices.Length - 1)];
        for (var i = 1; i < prices.Length; i++) r[i - 1] = prices[i] / prices[i - 1] - 1;
        return r;
    }

    /// <summary>Total return from <paramref name="lag"/> bars before the end of <paramref name="prices"/>, skipping the last <paramref name="skip"/> bars.</summary>
    public static double Momentum(ReadOnlySpan<double> prices, int lag, int skip) =>
        prices[^(1 + skip)] / prices[^(1 + lag)] - 1;
}
