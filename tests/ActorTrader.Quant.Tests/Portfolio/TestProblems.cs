using ActorTrader.Quant.Estimators;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Returns;
using ActorTrader.Quant.Tests.Statistics;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Portfolio;

/// <summary>Seeded random problems: daily returns from a 3-factor model, annualised moments.</summary>
public static class TestProblems
{
    public static PortfolioProblem Random(int seed, int assets, int days = 500, PortfolioConstraints? constraints = null)
    {
        // The tests' one seeded generator (same draw order as an inline Box–Muller over System.Random).
        var random = new SeededNormal(seed);
        double Normal() => random.Next();
        var loadings = Matrix<double>.Build.Dense(assets, 3, (_, _) => 0.5 + Normal() * 0.5);
        var drift = Enumerable.Range(0, assets).Select(_ => 0.0002 + 0.0006 * random.Uniform()).ToArray();
        var idio = Enumerable.Range(0, assets).Select(_ => 0.005 + 0.015 * random.Uniform()).ToArray();
        var returns = Matrix<double>.Build.Dense(days, assets);
        for (var t = 0; t < days; t++)
        {
            var f = new[] { Normal() * 0.01, Normal() * 0.006, Normal() * 0.004 };
            for (var i = 0; i < assets; i++)
            {
                returns[t, i] = drift[i] + loadings[i, 0] * f[0] + loadings[i, 1] * f[1] + loadings[i, 2] * f[2] + idio[i] * Normal();
            }
        }
        return FromReturns(returns, constraints ?? PortfolioConstraints.LongOnly);
    }

    public static PortfolioProblem FromReturns(Matrix<double> returns, PortfolioConstraints constraints) => new(
        Enumerable.Range(0, returns.ColumnCount).Select(i => $"A{i:000}").ToArray(),
        returns,
        ExpectedReturns.Arithmetic(returns),
        SampleCovariance.Estimate(returns),
        constraints);

    public static PortfolioPerformance Performance(PortfolioProblem problem, IReadOnlyList<double> weights) =>
        PortfolioPerformance.Of(weights, problem.ExpectedReturns, problem.Covariance, problem.Constraints.RiskFreeRate);

    /// <summary>
    /// A random long-only, fully invested portfolio within [0, cap] (simplex point with excess redistributed): the one
    /// feasible-point generator of the optimiser and QP property tests.
    /// </summary>
    public static double[] RandomFeasible(Random random, int n, double cap = 1.0)
    {
        var x = Enumerable.Range(0, n).Select(_ => -Math.Log(1 - random.NextDouble())).ToArray();
        var sum = x.Sum();
        for (var i = 0; i < n; i++) x[i] /= sum;
        for (var pass = 0; pass < 100; pass++)
        {
            var excess = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (x[i] > cap)
                {
                    excess += x[i] - cap;
                    x[i] = cap;
                }
            }
            if (excess == 0) break;
            var room = Enumerable.Range(0, n).Where(i => x[i] < cap).ToArray();
            foreach (var i in room) x[i] += excess / room.Length;
        }
        return x;
    }
}
