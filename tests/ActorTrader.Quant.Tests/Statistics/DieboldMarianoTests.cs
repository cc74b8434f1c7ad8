using ActorTrader.Quant.Statistics;

namespace ActorTrader.Quant.Tests.Statistics;

public class DieboldMarianoTests
{
    private static readonly double[] E1 = [1, -2, 3, -1, 2];
    private static readonly double[] E2 = [0.5, -1, 1, -1.5, 1];

    [Fact]
    public void One_step_squared_loss_by_hand()
    {
        // d = [0.75, 3, 8, −1.25, 3], d̄ = 2.7, γ0 = 47.675/5 = 9.535; DM = 2.7/√(9.535/5) = 1.955186;
        // HLN factor √((5 + 1 − 2)/5) = √0.8 → 1.748773; p from t(4).
        var r = DieboldMariano.Test(E1, E2);
        Assert.Equal(2.7 / Math.Sqrt(9.535 / 5) * Math.Sqrt(0.8), r.Statistic, 12);
        Assert.Equal(0.1552385576, r.PValue, 8);
        Assert.Equal(2.7, r.Estimate, 12);
        Assert.Equal(4, r.DegreesOfFreedom);
    }

    [Fact]
    public void Absolute_loss_and_one_sided_alternative()
    {
        // d = [0.5, 1, 2, −0.5, 1]; independent loop gives DM* = 1.969464, P(T4 > DM*) = 0.0601217.
        var r = DieboldMariano.Test(E1, E2, 1, ForecastLoss.Absolute, Alternative.Greater);
        Assert.Equal(1.969463855669, r.Statistic, 9);
        Assert.Equal(0.0601216703, r.PValue, 8);
    }

    [Fact]
    public void Two_step_horizon_adds_the_first_autocovariance()
    {
        double[] e1 = [1.2, -0.7, 2.1, -1.9, 0.4, 1.6, -2.2, 0.9, -0.3, 1.1];
        double[] e2 = [0.8, -0.9, 1.0, -1.1, 0.6, 0.7, -1.5, 1.2, -0.2, 0.5];
        var r = DieboldMariano.Test(e1, e2, horizon: 2);
        Assert.Equal(2.511569055613, r.Statistic, 9);
        Assert.Equal(0.0332251068, r.PValue, 8);
    }

    [Fact]
    public void Swapping_the_forecasts_negates_the_statistic()
    {
        var ab = DieboldMariano.Test(E1, E2);
        var ba = DieboldMariano.Test(E2, E1);
        Assert.Equal(-ab.Statistic, ba.Statistic, 12);
        Assert.Equal(ab.PValue, ba.PValue, 12);
    }

    [Fact]
    public void Under_equal_accuracy_p_values_are_roughly_uniform()
    {
        // 400 seeded replications of two equally good forecasts: rejections at 5% ≈ 20 (binomial sd ≈ 4.4).
        var rng = new SeededNormal(2024);
        var pValues = Enumerable.Range(0, 400).Select(_ => DieboldMariano.Test(rng.Series(100), rng.Series(100)).PValue).ToArray();
        Assert.InRange(pValues.Count(p => p < 0.05), 8, 34);
        Assert.InRange(pValues.Average(), 0.44, 0.56);
        Assert.InRange(pValues.Count(p => p < 0.5), 170, 230);
    }

    [Fact]
    public void A_clearly_better_forecast_is_detected()
    {
        var rng = new SeededNormal(7);
        var r = DieboldMariano.Test(rng.Series(200, 0, 2), rng.Series(200, 0, 1), alternative: Alternative.Greater);
        Assert.True(r.PValue < 1e-6);
    }

    [Fact]
    public void Identical_losses_are_rejected_as_undefined()
    {
        var e = Assert.Throws<ArgumentException>(() => DieboldMariano.Test(E1, E1));
        Assert.Equal("lossDifferential", e.ParamName);
    }
}
