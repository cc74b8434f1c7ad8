using ActorTrader.Strategies.Pairs;
using ActorTrader.Strategies.Tests.Support;

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
    public void Too_few_observations_are_refused_naming_the_minimum()
    {
        var error = Assert.Throws<ArgumentException>(() => EngleGranger.Test(new double[5], new double[5], lags: 1));

        Assert.Contains("at least 12 observations", error.Message, StringComparison.Ordinal);
    }
}
