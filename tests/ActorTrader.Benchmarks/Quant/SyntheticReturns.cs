using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Benchmarks.Quant;

/// <summary>Daily returns from a 5-factor model with idiosyncratic noise, fixed seed: realistic, full-rank covariances.</summary>
internal static class SyntheticReturns
{
    public static Matrix<double> Create(int days, int assets, int seed = 20240601)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        const int factors = 5;
        var loadings = new double[assets, factors];
        for (var i = 0; i < assets; i++)
        {
            for (var f = 0; f < factors; f++) loadings[i, f] = (f == 0 ? 1.0 : 0.0) + 0.4 * Normal();
        }
        var drift = Enumerable.Range(0, assets).Select(_ => 0.0001 + 0.0006 * random.NextDouble()).ToArray();
        var noise = Enumerable.Range(0, assets).Select(_ => 0.008 + 0.02 * random.NextDouble()).ToArray();
        var returns = Matrix<double>.Build.Dense(days, assets);
        var factorReturns = new double[factors];
        for (var t = 0; t < days; t++)
        {
            for (var f = 0; f < factors; f++) factorReturns[f] = Normal() * (f == 0 ? 0.01 : 0.005);
            for (var i = 0; i < assets; i++)
            {
                var value = drift[i] + noise[i] * Normal();
                for (var f = 0; f < factors; f++) value += loadings[i, f] * factorReturns[f];
                returns[t, i] = value;
            }
        }
        return returns;
    }
}
