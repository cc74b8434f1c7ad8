namespace ActorTrader.Parquet.Tests.Support;

/// <summary>Exact value equality for round trips: bitwise floats, byte content, DateTime ticks and kind.</summary>
public static class ValueComparison
{
    public static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
        (double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b),
        (float a, float b) => BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b),
        (DateTime a, DateTime b) => a.Ticks == b.Ticks && a.Kind == b.Kind,
        _ => expected.Equals(actual) && expected.GetType() == actual.GetType(),
    };

    /// <summary>Asserts two columns hold the same values, naming the first differing row.</summary>
    public static void AssertSameColumn(Array expected, Array actual, string what)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var e = expected.GetValue(i);
            var a = actual.GetValue(i);
            Assert.True(Same(e, a), $"{what}: row {i} expected {Show(e)} but read {Show(a)}");
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        byte[] b => Convert.ToHexString(b),
        DateTime d => d.ToString("o", System.Globalization.CultureInfo.InvariantCulture) + " " + d.Kind,
        _ => value.ToString() ?? string.Empty,
    };
}
