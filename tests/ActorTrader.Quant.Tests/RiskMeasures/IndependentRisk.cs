using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.RiskMeasures;

/// <summary>
/// The test's own risk arithmetic, written without the library: with T = 200 and α = 0.05, CVaR is the mean of the 10
/// worst losses and CDaR the mean of the 10 largest drawdowns of the uncompounded cumulative return (peak starts at 0).
/// </summary>
internal static class IndependentRisk
{
    public static double[] Path(Matrix<double> returns, IReadOnlyList<double> w) =>
        Enumerable.Range(0, returns.RowCount).Select(t => Enumerable.Range(0, w.Count).Sum(i => returns[t, i] * w[i])).ToArray();

    public static double Mad(double[] path) => path.Average(r => Math.Abs(r - path.Average()));

    public static double WorstMean(IEnumerable<double> values, int count) => values.OrderByDescending(v => v).Take(count).Average();

    public static double[] Drawdowns(double[] path)
    {
        var (sum, peak) = (0.0, 0.0);
        return path.Select(r =>
        {
            sum += r;
            peak = Math.Max(peak, sum);
            return peak - sum;
        }).ToArray();
    }

    public static double Of(string column, Matrix<double> returns, IReadOnlyList<double> w)
    {
        var path = Path(returns, w);
        var tail = (int)Math.Round(0.05 * returns.RowCount);
        return column switch
        {
            "MAD" => Mad(path),
            "CVaR" => WorstMean(path.Select(r => -r), tail),
            "CDaR" => WorstMean(Drawdowns(path), tail),
            "MDD" => Drawdowns(path).Max(),
            _ => throw new ArgumentException($"Unknown column {column}.", nameof(column)),
        };
    }

    /// <summary>A random long-only portfolio summing to 1 (normalised exponentials: uniform on the simplex).</summary>
    public static double[] RandomPortfolio(Random random, int n) => Portfolio.TestProblems.RandomFeasible(random, n);
}
