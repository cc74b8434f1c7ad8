namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>
/// A counter-based random source: the value for (key, counter) is a pure function (the SplitMix64 output
/// function), so any day's draws can be produced directly without replaying a sequence. That is what makes
/// synthetic bars independent of the request range and of which other symbols are generated.
/// </summary>
internal static class CounterRng
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const double TwoPow53Inverse = 1.0 / 9007199254740992.0;
    private const double TwoPow32Inverse = 1.0 / 4294967296.0;

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A child key for one purpose (a component, a kind of draw), independent of its siblings.</summary>
    public static ulong Derive(ulong key, ulong purpose) => Mix(key ^ Mix((purpose + 1) * Golden));

    public static ulong Bits(ulong key, long counter) => Mix(key + ((ulong)counter * Golden));

    /// <summary>Uniform in [0, 1).</summary>
    public static double Uniform(ulong key, long counter) => (Bits(key, counter) >> 11) * TwoPow53Inverse;

    /// <summary>Standard normal (Box–Muller on two counter draws).</summary>
    public static double Normal(ulong key, long counter)
    {
        var (z0, _) = NormalPair(key, counter);
        return z0;
    }

    /// <summary>Two independent exponentials with mean 1 from one counter (one 64-bit draw split in two).</summary>
    public static (double E0, double E1) ExponentialPair(ulong key, long counter)
    {
        var bits = Bits(key, counter);
        var u0 = ((bits >> 32) + 1) * TwoPow32Inverse;
        var u1 = ((bits & 0xFFFFFFFFUL) + 1) * TwoPow32Inverse;
        return (-Math.Log(u0), -Math.Log(u1));
    }

    /// <summary>Two independent standard normals from one counter.</summary>
    public static (double Z0, double Z1) NormalPair(ulong key, long counter)
    {
        var u1 = ((Bits(key, 2 * counter) >> 11) + 1) * TwoPow53Inverse;
        var u2 = (Bits(key, (2 * counter) + 1) >> 11) * TwoPow53Inverse;
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var (sin, cos) = Math.SinCos(2.0 * Math.PI * u2);
        return (radius * cos, radius * sin);
    }
}
