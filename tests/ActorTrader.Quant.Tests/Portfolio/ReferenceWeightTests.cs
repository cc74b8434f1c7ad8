using ActorTrader.Quant.Clustering;
using ActorTrader.Quant.Estimators;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Returns;
using ActorTrader.Quant.Tests.Returns;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Portfolio;

/// <summary>HRP against PyPortfolioOpt's HRPOpt (run on stock_prices_20.csv) and the simple heuristics against hand values.</summary>
public sealed class ReferenceWeightTests
{
    private static PortfolioProblem StockProblem()
    {
        var returns = PriceReturns.Simple(StockPrices20.Prices());
        return new PortfolioProblem(StockPrices20.Assets, returns, ExpectedReturns.Arithmetic(returns), SampleCovariance.Estimate(returns), PortfolioConstraints.LongOnly);
    }

    [Theory]
    [InlineData(Linkage.Single, 0.022258941278778366, 0.049560084289929474, 0.03406419438245022, 0.03984443665623909)]
    [InlineData(Linkage.Complete, 0.026169804366797382, 0.053960277530924826, 0.017319614585690493, 0.03765501686115482)]
    [InlineData(Linkage.Average, 0.034788189093559664, 0.053804281158476394, 0.03433321523600638, 0.03655357727333805)]
    [InlineData(Linkage.Ward, 0.03102998287196444, 0.06908902572629577, 0.021354172913878446, 0.046426653269319905)]
    public void Hrp_matches_PyPortfolioOpt_for_each_linkage(Linkage linkage, double aapl, double goog, double bby, double sbux)
    {
        var weights = new HierarchicalRiskParityOptimizer(linkage).Optimize(StockProblem());

        Near.Equal(new[] { aapl, goog, bby, sbux }, new[] { weights["AAPL"], weights["GOOG"], weights["BBY"], weights["SBUX"] }, 12);
    }

    [Fact]
    public void Hrp_of_two_uncorrelated_assets_is_inverse_variance()
    {
        var covariance = Matrix<double>.Build.DenseOfArray(new[,] { { 0.04, 0.0 }, { 0.0, 0.01 } });
        var problem = new PortfolioProblem(["A", "B"], Matrix<double>.Build.Dense(0, 2), Vector<double>.Build.Dense(2), covariance, PortfolioConstraints.LongOnly);

        Near.Equal(new[] { 0.2, 0.8 }, new HierarchicalRiskParityOptimizer().Optimize(problem).Weights, 12);
    }

    [Fact]
    public void Equal_weight_splits_the_budget_evenly()
    {
        var problem = TestProblems.Random(1, 4) with { Constraints = new PortfolioConstraints { Budget = 0.8 } };

        Near.Equal(new[] { 0.2, 0.2, 0.2, 0.2 }, new EqualWeightOptimizer().Optimize(problem).Weights, 12);
    }

    [Fact]
    public void Inverse_vol_weights_are_proportional_to_one_over_sigma()
    {
        var covariance = Matrix<double>.Build.DenseOfArray(new[,] { { 0.04, 0.01 }, { 0.01, 0.01 } });
        var problem = new PortfolioProblem(["A", "B"], Matrix<double>.Build.Dense(0, 2), Vector<double>.Build.Dense(2), covariance, PortfolioConstraints.LongOnly);

        // 1/0.2 : 1/0.1 = 5 : 10.
        Near.Equal(new[] { 1.0 / 3, 2.0 / 3 }, new InverseVolatilityOptimizer().Optimize(problem).Weights, 12);
    }

    [Fact]
    public void Performance_is_return_volatility_and_excess_return_over_volatility()
    {
        var covariance = Matrix<double>.Build.DenseOfArray(new[,] { { 0.04, 0.0 }, { 0.0, 0.09 } });
        var mu = Vector<double>.Build.DenseOfArray([0.1, 0.2]);

        var performance = PortfolioPerformance.Of([0.5, 0.5], mu, covariance, 0.05);

        // σ² = 0.25·0.04 + 0.25·0.09 = 0.0325.
        Assert.Equal(0.15, performance.ExpectedReturn, 12);
        Assert.Equal(Math.Sqrt(0.0325), performance.Volatility, 12);
        Assert.Equal(0.1 / Math.Sqrt(0.0325), performance.Sharpe, 12);
    }
}
