namespace ActorTrader.Quant.Tests.Statistics;

/// <summary>Reproducible normal draws (Box–Muller over System.Random with a fixed seed) for property tests.</summary>
internal sealed class SeededNormal(int seed)
{
    private readonly Random _random = new(seed);

    public double Next(double mean = 0, double sd = 1)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return mean + sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public double[] Series(int length, double mean = 0, double sd = 1)
    {
        var x = new double[length];
        for (var i = 0; i < length; i++) x[i] = Next(mean, sd);
        return x;
    }

    public double Uniform() => _random.NextDouble();
}
