using System.Diagnostics;
using ActorTrader.Quant.Estimators;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Portfolio.RiskMeasures;
using ActorTrader.Quant.Returns;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Benchmarks.Quant;

/// <summary>
/// Portfolio maths on N assets × 1260 days of synthetic factor-model returns: sample covariance estimation, HRP and
/// the min-vol QP (both from a given annualised covariance), and the scenario LPs min-CVaR and min-CDaR (interior
/// point over all 1260 scenarios, α = 0.05). Baseline for every figure: the plain matrix product
/// XᵀX of the same 1260×N return matrix (MathNet's managed provider), timed alternately in the same run.
/// </summary>
internal sealed class QuantBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "quant";

    public string Description => "covariance, HRP, min-vol QP, min-CVaR and min-CDaR LPs on 100/500/1000 assets x 1260 days (vs XᵀX of the same returns)";

    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sizes = QuantSuiteSizes.For(options);
        var figures = new List<BenchmarkFigure>();
        foreach (var n in sizes.AssetCounts)
        {
            var returns = SyntheticReturns.Create(sizes.Days, n);
            var covariance = SampleCovariance.Estimate(returns);
            var scenarioProblem = new PortfolioProblem(
                Enumerable.Range(0, n).Select(i => $"S{i:0000}").ToArray(),
                returns,
                ExpectedReturns.Arithmetic(returns),
                covariance,
                PortfolioConstraints.LongOnly);
            var problem = new PortfolioProblem(
                Enumerable.Range(0, n).Select(i => $"S{i:0000}").ToArray(),
                Matrix<double>.Build.Dense(0, n),
                ExpectedReturns.Arithmetic(returns),
                covariance,
                PortfolioConstraints.LongOnly);
            var baselineKind = $"XᵀX of the {sizes.Days}×{n} return matrix (MathNet managed)";
            var workload = $"{n} assets x {sizes.Days} days, long-only";

            figures.Add(await Figure(sizes, $"covariance_{n}", () => SampleCovariance.Estimate(returns), returns,
                Budget(n, 50, 500, 2000), workload + ", annualised sample covariance", baselineKind));
            figures.Add(await Figure(sizes, $"hrp_{n}", () => new HierarchicalRiskParityOptimizer().Optimize(problem), returns,
                Budget(n, 10, 50, 250), workload + ", single linkage, from the covariance", baselineKind));
            figures.Add(await Figure(sizes, $"min_vol_qp_{n}", () => new MinimumVolatilityOptimizer().Optimize(problem), returns,
                Budget(n, 50, 500, 4000), workload + ", Goldfarb-Idnani active set, from the covariance", baselineKind));
            figures.Add(await Figure(sizes, $"min_cvar_lp_{n}", () => new MinimumRiskOptimizer(RiskMeasure.ConditionalValueAtRisk).Optimize(scenarioProblem), returns,
                Budget(n, 300, 2000, 8000), workload + ", alpha 0.05, interior-point LP over all scenarios", baselineKind));
            figures.Add(await Figure(sizes, $"min_cdar_lp_{n}", () => new MinimumRiskOptimizer(RiskMeasure.ConditionalDrawdownAtRisk).Optimize(scenarioProblem), returns,
                Budget(n, 300, 2000, 8000), workload + ", alpha 0.05, interior-point LP over all scenarios", baselineKind));
        }
        return figures;
    }

    // Targets in ms: the (HRP 500 ≤ 50 ms, min-vol 500 ≤ 500 ms; scenario LPs "seconds at most") and budgets
    // scaled from them for 100/1000.
    private static double Budget(int assets, double at100, double at500, double at1000) =>
        assets <= 100 ? at100 : assets <= 500 ? at500 : at1000;

    private static async Task<BenchmarkFigure> Figure(
        QuantSuiteSizes sizes, string name, Func<object> measured, Matrix<double> returns, double targetMs, string workload, string baselineKind)
    {
        Console.Error.Write($"quant: {name} ... ");
        var started = Stopwatch.GetTimestamp();
        var (values, baselines) = await Sampling.Alternating(
            sizes.Warmups, sizes.MinWarmup, sizes.Iterations,
            () => Task.FromResult(Milliseconds(measured)),
            () => Task.FromResult(Milliseconds(() => returns.TransposeThisAndMultiply(returns))));
        Console.Error.WriteLine($"done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return new BenchmarkFigure(name, "ms", values, baselines, Better.Lower, Statistic.Best,
            Target: targetMs, TargetRatio: null, Workload: workload, BaselineKind: baselineKind);
    }

    private static double Milliseconds(Func<object> action)
    {
        var started = Stopwatch.GetTimestamp();
        GC.KeepAlive(action());
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
