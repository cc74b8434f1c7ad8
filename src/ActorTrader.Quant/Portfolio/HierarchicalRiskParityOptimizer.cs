using ActorTrader.Quant.Clustering;
using ActorTrader.Quant.Estimators;

namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// Hierarchical risk parity (<c>hrp</c>, López de Prado 2016) exactly as PyPortfolioOpt's <c>HRPOpt</c> and
/// Riskfolio's HRP with rm="MV": correlation distance √((1−ρ)/2), hierarchical clustering (single linkage by
/// default), quasi-diagonal leaf order, then recursive bisection of the ordered list into halves, splitting each
/// parent's weight by 1 − V₁/(V₁+V₂) where Vₖ is the variance of the half's inverse-variance portfolio.
/// Riskfolio orders leaves optimally by default (leaf_order=True): pass <c>optimalLeafOrdering: true</c> for that.
/// Weights are positive and sum to the budget; bounds and caps are checked, not enforced.
/// </summary>
public sealed class HierarchicalRiskParityOptimizer(Linkage linkage = Linkage.Single, bool optimalLeafOrdering = false) : IPortfolioOptimizer
{
    /// <inheritdoc />
    public string Name => "hrp";

    /// <inheritdoc />
    public PortfolioWeights Optimize(PortfolioProblem problem)
    {
        ProblemValidation.Validate(Name, problem);
        var covariance = problem.Covariance;
        for (var i = 0; i < problem.Count; i++)
        {
            if (!(covariance[i, i] > 0)) throw new OptimizationException($"{Name}: {problem.Assets[i]} has zero variance (constant price?); remove it.");
        }
        // Like PyPortfolioOpt, cluster on the returns' own (pairwise) correlation when scenarios are given.
        var correlation = problem.Returns.RowCount > 1 ? SampleCorrelation.Estimate(problem.Returns) : CorrelationMatrix.FromCovariance(covariance);
        var distances = CorrelationDistance.FromCorrelation(correlation);
        var tree = HierarchicalClustering.Build(distances, linkage);
        if (optimalLeafOrdering) tree = OptimalLeafOrdering.Apply(tree, distances);
        var order = QuasiDiagonalisation.Order(tree).ToArray();
        var weights = Enumerable.Repeat(1.0, problem.Count).ToArray();
        Bisect(covariance, order, 0, order.Length, weights);
        var budget = problem.Constraints.Budget;
        return WeightFinisher.Finish(Name, problem, weights.Select(w => w * budget).ToArray());
    }

    // Splitting [start, end) at its middle and recursing is the same tree of halves as PyPortfolioOpt's level loop.
    private static void Bisect(MathNet.Numerics.LinearAlgebra.Matrix<double> covariance, int[] order, int start, int end, double[] weights)
    {
        if (end - start < 2) return;
        var middle = start + (end - start) / 2;
        var first = ClusterVariance(covariance, order, start, middle);
        var second = ClusterVariance(covariance, order, middle, end);
        var alpha = 1 - first / (first + second);
        for (var k = start; k < middle; k++) weights[order[k]] *= alpha;
        for (var k = middle; k < end; k++) weights[order[k]] *= 1 - alpha;
        Bisect(covariance, order, start, middle, weights);
        Bisect(covariance, order, middle, end, weights);
    }

    /// <summary>Variance of the inverse-variance portfolio of order[start..end).</summary>
    private static double ClusterVariance(MathNet.Numerics.LinearAlgebra.Matrix<double> covariance, int[] order, int start, int end)
    {
        var size = end - start;
        var w = new double[size];
        var total = 0.0;
        for (var k = 0; k < size; k++)
        {
            w[k] = 1.0 / covariance[order[start + k], order[start + k]];
            total += w[k];
        }
        var variance = 0.0;
        for (var a = 0; a < size; a++)
        {
            var row = 0.0;
            var i = order[start + a];
            for (var b = 0; b < size; b++) row += covariance[i, order[start + b]] * w[b];
            variance += w[a] * row;
        }
        return variance / (total * total);
    }
}
