using ActorTrader.Quant.Portfolio;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Riskfolio;

/// <summary>The MV columns of Riskfolio-Lib's test_portfolio.py expectations (upstream asserts 6 decimals).</summary>
public sealed class RiskfolioMeanVarianceTests
{
    private const double Tolerance = 1e-6;

    private static PortfolioProblem Problem() => new(
        RiskfolioData.Assets,
        RiskfolioData.Returns(),
        RiskfolioData.MeanReturns(),
        RiskfolioData.Covariance(),
        PortfolioConstraints.LongOnly);

    [Fact]
    public void Min_vol_matches_Classic_MinRisk_MV()
    {
        var weights = new MinimumVolatilityOptimizer().Optimize(Problem());

        AssertClose(RiskfolioData.ExpectedWeights("Classic_MinRisk", "MV"), weights.Weights);
    }

    [Fact]
    public void Max_sharpe_with_zero_risk_free_rate_matches_Classic_Sharpe_MV()
    {
        var weights = new MaximumSharpeOptimizer().Optimize(Problem());

        AssertClose(RiskfolioData.ExpectedWeights("Classic_Sharpe", "MV"), weights.Weights);
    }

    // Riskfolio's own RP weights have risk contributions spread by 6.4e-6 (conic solver tolerance); the exact ERC
    // (also computed independently with numpy Newton) differs from them by 3.3e-6, hence 1e-5 here.
    [Fact]
    public void Erc_matches_Classic_RP_MV_within_Riskfolio_solver_tolerance()
    {
        var weights = new EqualRiskContributionOptimizer().Optimize(Problem());

        AssertClose(RiskfolioData.ExpectedWeights("Classic_RP", "MV"), weights.Weights, 1e-5);
    }

    [Fact]
    public void Erc_on_Riskfolio_data_has_risk_contributions_equal_within_1e_9()
    {
        var problem = Problem();
        var w = Vector<double>.Build.DenseOfEnumerable(new EqualRiskContributionOptimizer().Optimize(problem).Weights);

        var marginal = problem.Covariance * w;
        var contributions = w.PointwiseMultiply(marginal) / w.DotProduct(marginal);

        Assert.True(contributions.Maximum() - contributions.Minimum() <= 1e-9, $"spread {contributions.Maximum() - contributions.Minimum():E3}");
    }

    [Fact]
    public void Fixture_has_200_returns_of_10_assets()
    {
        var returns = RiskfolioData.Returns();

        Assert.Equal((200, 10), (returns.RowCount, returns.ColumnCount));
    }

    private static void AssertClose(double[] expected, IReadOnlyList<double> actual, double tolerance = Tolerance)
    {
        var worst = expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
        Assert.True(worst <= tolerance,
            $"max |Δw| = {worst:E3}\nexpected {string.Join(", ", expected.Select(v => v.ToString("F8", System.Globalization.CultureInfo.InvariantCulture)))}\nactual   {string.Join(", ", actual.Select(v => v.ToString("F8", System.Globalization.CultureInfo.InvariantCulture)))}");
    }
}
