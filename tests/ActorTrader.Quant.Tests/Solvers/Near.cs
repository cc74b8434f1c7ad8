using System.Globalization;

namespace ActorTrader.Quant.Tests;

/// <summary>Element-wise comparison of double sequences to a number of decimal places (xunit's rounding rule).</summary>
public static class Near
{
    public static void Equal(IEnumerable<double> expected, IEnumerable<double> actual, int digits)
    {
        var e = expected.ToArray();
        var a = actual.ToArray();
        Assert.True(e.Length == a.Length, $"expected {e.Length} values, got {a.Length}");
        var tolerance = 0.5 * Math.Pow(10, -digits);
        for (var i = 0; i < e.Length; i++)
        {
            Assert.True(Math.Abs(e[i] - a[i]) <= tolerance,
                $"[{i}] expected {e[i].ToString("R", CultureInfo.InvariantCulture)}, got {a[i].ToString("R", CultureInfo.InvariantCulture)} (tolerance {tolerance:E1})");
        }
    }
}
