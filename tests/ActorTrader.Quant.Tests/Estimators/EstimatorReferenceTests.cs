using ActorTrader.Quant.Estimators;
using ActorTrader.Quant.Returns;
using ActorTrader.Quant.Tests.Returns;
using ActorTrader.Quant.Tests.Riskfolio;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Estimators;

/// <summary>
/// Estimators against PyPortfolioOpt's risk_models (and sklearn 1.2's LedoitWolf) run on the same files. Each
/// matrix is compared at [0,0], [0,1], [3,7], [19,19] and by its Frobenius norm; stock_prices_20 has assets
/// listing at different dates, so these also check the pairwise-complete handling of missing returns.
/// </summary>
public sealed class EstimatorReferenceTests
{
    private static readonly Matrix<double> Returns = PriceReturns.Simple(StockPrices20.Prices());

    private static void AssertPicks(double[] expected, Matrix<double> actual)
    {
        var picked = new[] { actual[0, 0], actual[0, 1], actual[3, 7], actual[19, 19], actual.FrobeniusNorm() };
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - picked[i]) <= 1e-10 * Math.Max(1, Math.Abs(expected[i])), $"pick {i}: expected {expected[i]:R}, got {picked[i]:R}");
        }
    }

    [Fact]
    public void Sample_covariance_matches_PyPortfolioOpt_pairwise()
    {
        AssertPicks([0.09321113657629149, 0.04620227917174618, 0.008732139372324463, 0.15258853482811788, 1.2292946016053357],
            SampleCovariance.Estimate(Returns));
    }

    [Fact]
    public void Exponential_covariance_matches_PyPortfolioOpt_exp_cov_span_180()
    {
        AssertPicks([0.06375440417263963, 0.041578111240478055, 0.018325808945192524, 0.03616890939258226, 1.0888379207611447],
            ExponentialCovariance.Estimate(Returns));
    }

    [Fact]
    public void Ledoit_wolf_constant_variance_matches_PyPortfolioOpt()
    {
        var shrunk = LedoitWolf.ConstantVariance(Returns);

        Assert.Equal(0.0062561033675371065, shrunk.Shrinkage, 12);
        AssertPicks([0.04552887001847855, 0.022142793443999248, 0.001081005263544493, 0.1390586502294681, 0.9381147636756288], shrunk.Covariance);
    }

    [Fact]
    public void Ledoit_wolf_single_factor_matches_PyPortfolioOpt()
    {
        var shrunk = LedoitWolf.SingleFactor(Returns);

        Assert.Equal(0.01850688895408131, shrunk.Shrinkage, 12);
        AssertPicks([0.044982418539962606, 0.022313672126931947, 0.0011139711841865931, 0.13910101441555736, 0.9427650078706872], shrunk.Covariance);
    }

    [Fact]
    public void Ledoit_wolf_constant_correlation_matches_PyPortfolioOpt()
    {
        var shrunk = LedoitWolf.ConstantCorrelation(Returns);

        Assert.Equal(0.017955063987226145, shrunk.Shrinkage, 12);
        AssertPicks([0.09321113657629149, 0.046002102325263264, 0.008953291558510991, 0.15258853482811788, 1.2286779810540305], shrunk.Covariance);
    }

    [Fact]
    public void Ledoit_wolf_constant_variance_matches_sklearn_on_complete_data()
    {
        var shrunk = LedoitWolf.ConstantVariance(RiskfolioData.Returns(), periodsPerYear: 1);

        Assert.Equal(0.11136467663550136, shrunk.Shrinkage, 12);
        Assert.Equal(0.00017496178447387747, shrunk.Covariance[0, 0], 15);
        Assert.Equal(6.171186428075676e-05, shrunk.Covariance[2, 5], 15);
    }

    [Fact]
    public void Sample_covariance_of_two_hand_series_is_the_textbook_value()
    {
        var returns = Matrix<double>.Build.DenseOfColumnArrays(new[] { 1.0, 2.0, 3.0 }, new[] { 2.0, 4.0, 9.0 });

        var covariance = SampleCovariance.Estimate(returns, periodsPerYear: 1);

        // means 2 and 5; Σ(x−2)(y−5) = (−1)(−3) + 0 + (1)(4) = 7, over n−1 = 2.
        Assert.Equal(3.5, covariance[0, 1], 12);
        Assert.Equal(1.0, covariance[0, 0], 12);
    }

    [Fact]
    public void Pairs_without_two_common_observations_are_reported()
    {
        var returns = Matrix<double>.Build.DenseOfColumnArrays(new[] { 1.0, 2.0, double.NaN, double.NaN }, new[] { double.NaN, double.NaN, 1.0, 3.0 });

        var error = Assert.Throws<ArgumentException>(() => SampleCovariance.Estimate(returns));

        Assert.Contains("Columns 0 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infinite_return_is_rejected()
    {
        var returns = Matrix<double>.Build.DenseOfColumnArrays(new[] { 1.0, double.PositiveInfinity, 2.0 });

        Assert.Throws<ArgumentException>(() => SampleCovariance.Estimate(returns));
    }
}
