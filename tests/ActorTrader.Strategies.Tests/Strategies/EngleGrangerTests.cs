using ActorTrader.Strategies.Pairs;
using ActorTrader.Strategies.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Strategies.Tests.Strategies;

public sealed class EngleGrangerTests
{
    [Fact]
    public void The_five_percent_critical_value_at_252_observations_follows_MacKinnon_2010()
    {
        // −3.33613 − 6.1101/252 − 6.823/252² = −3.360485…
        Assert.Equal(-3.360485, EngleGranger.CriticalValue(252, Significance.FivePercent), 5);
    }

    [Fact]
    public void The_one_percent_critical_value_at_60_observations_follows_MacKinnon_2010_table_2()
    {
        // −3.89644 − 10.9519/60 − 22.527/60² = −4.085229… (Table 2, N = 2, constant; statsmodels carries −33.527 for the last term).
        Assert.Equal(-4.085229, EngleGranger.CriticalValue(60, Significance.OnePercent), 6);
    }

    [Fact]
    public void The_one_percent_critical_value_is_stricter_than_the_ten_percent_one()
    {
        Assert.True(EngleGranger.CriticalValue(252, Significance.OnePercent) < EngleGranger.CriticalValue(252, Significance.TenPercent));
    }

    [Fact]
    public void A_stationary_spread_is_cointegrated_and_its_hedge_ratio_recovered()
    {
        var random = new Random(3);
        var x = Series.RandomWalk(random, 400, 10, 0, 0.02).Select(v => Math.Log(v)).ToArray();
        var y = x.Select(v => 1.0 + 2.0 * v + 0.01 * Series.Normal(random)).ToArray();

        var test = EngleGranger.Test(y, x);

        Assert.True(test.IsCointegrated, $"ADF t = {test.AdfStatistic}, critical {test.CriticalValue}");
        Assert.Equal(2.0, test.Beta, 1);
    }

    [Fact]
    public void Two_independent_random_walks_are_not_cointegrated()
    {
        var random = new Random(4);
        var x = Series.RandomWalk(random, 400, 10, 0, 0.02).Select(v => Math.Log(v)).ToArray();
        var y = Series.RandomWalk(random, 400, 10, 0, 0.02).Select(v => Math.Log(v)).ToArray();

        var test = EngleGranger.Test(y, x);

        Assert.False(test.IsCointegrated, $"ADF t = {test.AdfStatistic}, critical {test.CriticalValue}");
    }

    [Fact]
    public void A_constant_regressor_is_never_cointegrated()
    {
        var test = EngleGranger.Test(Enumerable.Range(0, 50).Select(i => (double)i).ToArray(), Enumerable.Repeat(1.0, 50).ToArray());

        Assert.False(test.IsCointegrated);
    }

    [Fact]
    public void Without_lags_the_ADF_statistic_is_the_textbook_no_constant_t_statistic()
    {
        var e = Ar1(seed: 12, count: 150, phi: 0.6);
        // γ = Σ e_{t−1}Δe_t / Σ e²_{t−1}, s² = Σ (Δe_t − γ e_{t−1})² / (T − 1), t = γ / √(s² / Σ e²_{t−1}), T = 149 differences.
        double sxy = 0, sxx = 0;
        for (var t = 1; t < e.Length; t++) { sxy += e[t - 1] * (e[t] - e[t - 1]); sxx += e[t - 1] * e[t - 1]; }
        var gamma = sxy / sxx;
        double ssr = 0;
        for (var t = 1; t < e.Length; t++) ssr += Math.Pow(e[t] - e[t - 1] - gamma * e[t - 1], 2);
        var expected = gamma / Math.Sqrt(ssr / (e.Length - 2) / sxx);

        Assert.Equal(expected, EngleGranger.AdfStatistic(e, lags: 0), 9);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(12)]
    public void With_lags_the_ADF_statistic_matches_a_QR_least_squares_fit(int lags)
    {
        var e = Ar1(seed: 20 + lags, count: 200, phi: 0.8);
        var difference = new double[e.Length];
        for (var t = 1; t < e.Length; t++) difference[t] = e[t] - e[t - 1];
        var rows = e.Length - 1 - lags;
        // Δe_t on e_{t−1} and Δe_{t−1} … Δe_{t−lags}, for t = lags + 1 … T − 1.
        var x = Matrix<double>.Build.Dense(rows, 1 + lags, (r, c) => c == 0 ? e[r + lags] : difference[r + lags + 1 - c]);
        var y = Vector<double>.Build.Dense(rows, r => difference[r + lags + 1]);
        var qr = x.QR();
        var beta = qr.Solve(y);
        var residual = y - x * beta;
        var rInverse = qr.R.SubMatrix(0, 1 + lags, 0, 1 + lags).Inverse();
        var covariance = rInverse * rInverse.Transpose() * (residual.DotProduct(residual) / (rows - 1 - lags));
        var expected = beta[0] / Math.Sqrt(covariance[0, 0]);

        Assert.Equal(expected, EngleGranger.AdfStatistic(e, lags), 9);
    }

    private static double[] Ar1(int seed, int count, double phi)
    {
        var random = new Random(seed);
        var e = new double[count];
        for (var t = 1; t < count; t++) e[t] = phi * e[t - 1] + Series.Normal(random);
        return e;
    }

    [Fact]
    public void Too_few_observations_are_refused_naming_the_minimum()
    {
        var error = Assert.Throws<ArgumentException>(() => EngleGranger.Test(new double[5], new double[5], lags: 1));

        Assert.Contains("at least 12 observations", error.Message, StringComparison.Ordinal);
    }
}
