namespace ActorTrader.Strategies.Tests.Support;

/// <summary>Deterministic price series for behaviour tests.</summary>
internal static class Series
{
    /// <summary>Geometric random walk: log-returns normal(drift, vol), seeded.</summary>
    public static double[] RandomWalk(Random random, int count, double start = 100, double drift = 0, double vol = 0.01)
    {
        var x = new double[count];
        x[0] = start;
        for (var i = 1; i < count; i++) x[i] = x[i - 1] * Math.Exp(drift + vol * Normal(random));
        return x;
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Constant volume with seeded noise of ±<paramref name="noise"/> (relative).</summary>
    public static double[] Volume(Random random, int count, double level = 1_000_000, double noise = 0.2)
    {
        var v = new double[count];
        for (var i = 0; i < count; i++) v[i] = level * (1 + noise * (2 * random.NextDouble() - 1));
        return v;
    }

    public static double[] Constant(int count, double value) => Enumerable.Repeat(value, count).ToArray();
}
