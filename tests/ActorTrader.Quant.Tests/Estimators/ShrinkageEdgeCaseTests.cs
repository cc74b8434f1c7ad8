using ActorTrader.Quant.Estimators;
using ActorTrader.Quant.Tests.Statistics;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Estimators;

/// <summary>Shrinkage where the target coincides with the sample: nothing to shrink, and never a 0/0 intensity.</summary>
public sealed class ShrinkageEdgeCaseTests
{
    private static Matrix<double> TwoAssets()
    {
        var rng = new SeededNormal(31);
        return Matrix<double>.Build.Dense(250, 2, (_, c) => rng.Next(0.0005, 0.01 + 0.01 * c));
    }

    [Fact]
    public void Constant_correlation_of_two_assets_is_the_sample_covariance()
    {
        var returns = TwoAssets();

        var shrunk = LedoitWolf.ConstantCorrelation(returns);

        Assert.InRange(shrunk.Shrinkage, 0.0, 1.0);
        Near.Equal(SampleCovariance.Estimate(returns).Enumerate(), shrunk.Covariance.Enumerate(), 12);
    }

    [Fact]
    public void Single_factor_shrinkage_of_one_asset_is_finite()
    {
        var returns = TwoAssets().SubMatrix(0, 250, 0, 1);

        var shrunk = LedoitWolf.SingleFactor(returns);

        Assert.InRange(shrunk.Shrinkage, 0.0, 1.0);
        Assert.True(double.IsFinite(shrunk.Covariance[0, 0]) && shrunk.Covariance[0, 0] > 0);
    }
}
