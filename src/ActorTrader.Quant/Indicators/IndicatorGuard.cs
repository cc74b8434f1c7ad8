namespace ActorTrader.Quant.Indicators;

/// <summary>Input checks for indicators: gap-free finite prices, positive periods, aligned OHLCV columns.</summary>
internal static class IndicatorGuard
{
    public static void Prices(ReadOnlySpan<double> values, string paramName)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new ArgumentException(
                    $"{paramName}[{i}] is {values[i]}; indicators need gap-free finite prices — forward-fill or drop missing bars first.", paramName);
        }
    }

    public static void Period(int period, string paramName, int minimum = 1)
    {
        if (period < minimum)
            throw new ArgumentOutOfRangeException(paramName, period, $"{paramName} must be at least {minimum}.");
    }

    public static void SameLength(ReadOnlySpan<double> reference, ReadOnlySpan<double> other, string referenceName, string paramName)
    {
        if (reference.Length != other.Length)
            throw new ArgumentException($"{paramName} has {other.Length} values but {referenceName} has {reference.Length}; pass aligned bars.", paramName);
    }

    public static double[] NaNs(int length)
    {
        var a = new double[length];
        Array.Fill(a, double.NaN);
        return a;
    }
}
