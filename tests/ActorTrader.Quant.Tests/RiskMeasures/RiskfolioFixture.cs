using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Portfolio.RiskMeasures;
using ActorTrader.Quant.Tests.Riskfolio;

namespace ActorTrader.Quant.Tests.RiskMeasures;

/// <summary>Riskfolio-Lib's test problem (200 daily returns, historical mean, long-only, α = 0.05, r_f = 0).</summary>
internal static class RiskfolioFixture
{
    /// <summary>Per-weight tolerance against Riskfolio (which compares its own runs to 6 decimals).</summary>
    public const double WeightTolerance = 1e-5;

    public static PortfolioProblem Problem() => new(
        RiskfolioData.Assets,
        RiskfolioData.Returns(),
        RiskfolioData.MeanReturns(),
        RiskfolioData.Covariance(),
        PortfolioConstraints.LongOnly with { Alpha = 0.05, RiskFreeRate = 0 });

    public static RiskMeasure Measure(string column) => column switch
    {
        "MAD" => RiskMeasure.MeanAbsoluteDeviation,
        "CVaR" => RiskMeasure.ConditionalValueAtRisk,
        "CDaR" => RiskMeasure.ConditionalDrawdownAtRisk,
        "MDD" => RiskMeasure.MaxDrawdown,
        _ => throw new ArgumentException($"No LP risk measure for Riskfolio column {column}.", nameof(column)),
    };

    /// <summary>Largest |actual − expected| over the assets, with the asset that attains it.</summary>
    public static (double Error, string Asset) MaxError(PortfolioWeights actual, double[] expected)
    {
        var worst = (Error: 0.0, Asset: "");
        for (var i = 0; i < expected.Length; i++)
        {
            var error = Math.Abs(actual.Weights[i] - expected[i]);
            if (error > worst.Error) worst = (error, actual.Assets[i]);
        }
        return worst;
    }
}
