using ActorTrader.Quant.Tests.Statistics;

namespace ActorTrader.Quant.Tests.Forecasting;

/// <summary>Simulated series with known parameters for the recovery tests.</summary>
internal static class Simulate
{
    /// <summary>ARMA(p, q) returns r_t = μ + Σφ(r − μ) + e_t + Σθ e, after a burn-in; log prices are their running sum.</summary>
    public static double[] ArmaReturns(int length, double mean, double[] ar, double[] ma, double sigma, int seed)
    {
        var normal = new SeededNormal(seed);
        const int burn = 500;
        var u = new double[length + burn];
        var e = new double[length + burn];
        for (var t = 0; t < u.Length; t++)
        {
            e[t] = normal.Next(0, sigma);
            var value = e[t];
            for (var i = 0; i < ar.Length; i++) if (t - i - 1 >= 0) value += ar[i] * u[t - i - 1];
            for (var j = 0; j < ma.Length; j++) if (t - j - 1 >= 0) value += ma[j] * e[t - j - 1];
            u[t] = value;
        }
        return u[burn..].Select(v => v + mean).ToArray();
    }

    public static double[] Integrate(double[] returns, double start = 4.6)
    {
        var levels = new double[returns.Length + 1];
        levels[0] = start;
        for (var t = 0; t < returns.Length; t++) levels[t + 1] = levels[t] + returns[t];
        return levels;
    }
}
