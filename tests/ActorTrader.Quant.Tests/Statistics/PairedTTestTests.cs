using ActorTrader.Quant.Statistics;

namespace ActorTrader.Quant.Tests.Statistics;

public class PairedTTestTests
{
    [Fact]
    public void Paired_t_test_by_hand()
    {
        // d = [1, 2, 0, 3, 4]: mean 2, sd √2.5, t = 2/(√2.5/√5) = 2√2; R: t.test(x, y, paired = TRUE) p = 0.04742.
        var r = PairedTTest.Test([3, 4, 2, 5, 6], [2, 2, 2, 2, 2]);
        Assert.Equal(2 * Math.Sqrt(2), r.Statistic, 12);
        Assert.Equal(4, r.DegreesOfFreedom);
        Assert.Equal(0.04742065558, r.PValue, 8);
        Assert.Equal(2, r.Estimate, 12);
    }

    [Fact]
    public void One_sided_p_value_is_half_the_two_sided_in_the_direction_of_the_effect()
    {
        double[] x = [3, 4, 2, 5, 6];
        double[] y = [2, 2, 2, 2, 2];
        Assert.Equal(0.02371032779, PairedTTest.Test(x, y, Alternative.Greater).PValue, 8);
        Assert.Equal(1 - 0.02371032779, PairedTTest.Test(x, y, Alternative.Less).PValue, 8);
    }

    [Fact]
    public void Pairs_with_a_missing_side_are_dropped()
    {
        var full = PairedTTest.Test([3, 4, 2, 5, 6], [2, 2, 2, 2, 2]);
        var gappy = PairedTTest.Test([3, 4, double.NaN, 2, 5, 6], [2, 2, 7, 2, 2, 2]);
        Assert.Equal(full.Statistic, gappy.Statistic, 12);
    }

    [Fact]
    public void Mismatched_lengths_name_the_second_series()
    {
        var e = Assert.Throws<ArgumentException>(() => PairedTTest.Test([1, 2, 3], [1, 2]));
        Assert.Equal("y", e.ParamName);
    }
}
