using ActorTrader.Quant.Statistics;
using Xunit;

namespace ActorTrader.Quant.Tests.Statistics;

public sealed class DiagnosticsTests
{
    [Fact]
    public void Ljung_box_matches_the_hand_computed_statistic_and_chi_square_2_p_value()
    {
        // x = 1, 3, 2, 5, 4, 6: mean 3.5, Σ(x − x̄)² = 17.5; lag-1 products sum 7.25, lag-2 sum 9.25 (see below).
        // ρ1 = 7.25/17.5, ρ2 = 9.25/17.5 … computed here term by term, Q = n(n + 2) Σ ρk²/(n − k).
        double[] x = [1, 3, 2, 5, 4, 6];
        var d = x.Select(v => v - 3.5).ToArray();
        var r1 = Enumerable.Range(1, 5).Sum(t => d[t] * d[t - 1]) / 17.5;
        var r2 = Enumerable.Range(2, 4).Sum(t => d[t] * d[t - 2]) / 17.5;
        var q = 6 * 8 * (r1 * r1 / 5 + r2 * r2 / 4);

        var result = LjungBox.Test(x, 2);

        Assert.Equal(q, result.Statistic, 12);
        // χ² with 2 degrees of freedom: P(X > q) = e^(−q/2).
        Assert.Equal(Math.Exp(-q / 2), result.PValue, 10);
        Assert.Equal(2, result.DegreesOfFreedom);
    }

    [Fact]
    public void Ljung_box_rejects_an_autocorrelated_series_and_not_white_noise()
    {
        var normal = new SeededNormal(1);
        var noise = normal.Series(1000);
        var ar = new double[1000];
        for (var t = 1; t < ar.Length; t++) ar[t] = 0.5 * ar[t - 1] + noise[t];

        Assert.True(LjungBox.Test(noise, 10).PValue > 0.05);
        Assert.True(LjungBox.Test(ar, 10).PValue < 1e-6);
        Assert.Equal(9, LjungBox.Test(ar, 10, fittedParameters: 1).DegreesOfFreedom);
    }

    [Fact]
    public void Jarque_bera_matches_the_hand_computed_statistic()
    {
        // 1, 2, 3, 4, 10: mean 4, deviations −3 −2 −1 0 6; m2 = 50/5 = 10, m3 = 180/5 = 36, m4 = 1394/5 = 278.8.
        // S = 36/10^1.5 = 1.138420, K = 2.788; JB = 5/6 (1.296 + 0.011236) = 1.089363.
        var result = JarqueBera.Test([1, 2, 3, 4, 10]);

        Assert.Equal(5.0 / 6 * (1.296 + 0.212 * 0.212 / 4), result.Statistic, 9);
        Assert.Equal(Math.Exp(-result.Statistic / 2), result.PValue, 10);
        Assert.Equal(-0.212, result.Estimate, 9);
    }

    [Fact]
    public void Jarque_bera_rejects_fat_tails()
    {
        var normal = new SeededNormal(2);
        var gaussian = normal.Series(2000);
        var fat = gaussian.Select((v, i) => i % 50 == 0 ? v * 8 : v).ToArray();

        Assert.True(JarqueBera.Test(gaussian).PValue > 0.01);
        Assert.True(JarqueBera.Test(fat).PValue < 1e-6);
    }

    [Fact]
    public void Bad_input_names_the_problem()
    {
        Assert.Contains("constant", Assert.Throws<ArgumentException>(() => LjungBox.Test([1.0, 1, 1, 1, 1], 2)).Message);
        Assert.Contains("series[1] is NaN", Assert.Throws<ArgumentException>(() => JarqueBera.Test([1.0, double.NaN, 2])).Message);
        Assert.Contains("at least 4", Assert.Throws<ArgumentException>(() => LjungBox.Test([1.0, 2, 3], 2)).Message);
    }
}
