namespace ActorTrader.Quant.Forecasting.Garch;

/// <summary>
/// Parameters of r_t = μ + ε_t, ε_t = σ_t z_t, σ²_t = ω + (α + γ·1[ε_{t−1} &lt; 0]) ε²_{t−1} + β σ²_{t−1}
/// (γ = 0: GARCH(1,1); γ free: GJR-GARCH(1,1,1)).
/// </summary>
public sealed record GarchParameters(double Mu, double Omega, double Alpha, double Beta, double Gamma = 0)
{
    /// <summary>α + γ/2 + β: how slowly a shock to variance decays (symmetric innovations).</summary>
    public double Persistence => Alpha + Gamma / 2 + Beta;

    /// <summary>ω / (1 − persistence), the variance the process reverts to.</summary>
    public double UnconditionalVariance => Omega / (1 - Persistence);

    /// <summary>Fills the conditional variances for <paramref name="returns"/>, starting from <paramref name="initialVariance"/>; returns σ² for the next step.</summary>
    public double Filter(ReadOnlySpan<double> returns, double initialVariance, Span<double> variances)
    {
        var variance = initialVariance;
        for (var t = 0; t < returns.Length; t++)
        {
            variances[t] = variance;
            var shock = returns[t] - Mu;
            variance = Omega + (Alpha + (shock < 0 ? Gamma : 0)) * shock * shock + Beta * variance;
        }
        return variance;
    }

    /// <summary>Simulates <paramref name="length"/> returns with Gaussian innovations from <paramref name="normal"/> (burn-in of 500 discarded).</summary>
    public double[] Simulate(int length, Func<double> normal)
    {
        var returns = new double[length];
        var variance = UnconditionalVariance;
        for (var t = -500; t < length; t++)
        {
            var shock = Math.Sqrt(variance) * normal();
            if (t >= 0) returns[t] = Mu + shock;
            variance = Omega + (Alpha + (shock < 0 ? Gamma : 0)) * shock * shock + Beta * variance;
        }
        return returns;
    }
}
