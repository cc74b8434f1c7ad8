using ActorTrader.Quant.Statistics;

namespace ActorTrader.Quant.Tests.Statistics;

public class SignTestTests
{
    [Fact]
    public void Eight_of_ten_has_the_exact_binomial_tail()
    {
        // P(X ≥ 8 | n = 10, p = ½) = (45 + 10 + 1)/1024 = 0.0546875.
        Assert.Equal(56.0 / 1024, SignTest.Exact(8, 10, Alternative.Greater).PValue, 14);
        Assert.Equal(112.0 / 1024, SignTest.Exact(8, 10).PValue, 14);
        Assert.Equal(1013.0 / 1024, SignTest.Exact(8, 10, Alternative.Less).PValue, 14);
    }

    [Fact]
    public void Fifteen_of_twenty_matches_R_binom_test()
    {
        // (15504 + 4845 + 1140 + 190 + 20 + 1)/2^20 = 0.0206947; R: binom.test(15, 20)$p.value = 0.04139.
        Assert.Equal(21700.0 / 1048576, SignTest.Exact(15, 20, Alternative.Greater).PValue, 14);
        Assert.Equal(0.04139, SignTest.Exact(15, 20).PValue, 5);
    }

    [Fact]
    public void Swapping_positives_and_negatives_mirrors_the_one_sided_p_values()
    {
        for (var n = 1; n <= 30; n++)
        {
            for (var k = 0; k <= n; k++)
            {
                Assert.Equal(SignTest.Exact(k, n, Alternative.Greater).PValue, SignTest.Exact(n - k, n, Alternative.Less).PValue, 13);
                Assert.Equal(SignTest.Exact(k, n).PValue, SignTest.Exact(n - k, n).PValue, 13);
            }
        }
    }

    [Fact]
    public void Differences_drop_zeros_and_missing_values()
    {
        var r = SignTest.FromDifferences([0.1, 0.2, 0, double.NaN, -0.3, 0.4]);
        Assert.Equal(3, r.Statistic);
        Assert.Equal(4, r.DegreesOfFreedom);
        Assert.Equal(0.75, r.Estimate);
    }

    [Fact]
    public void All_zero_differences_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => SignTest.FromDifferences([0.0, double.NaN]));
        Assert.Equal("differences", e.ParamName);
    }
}
