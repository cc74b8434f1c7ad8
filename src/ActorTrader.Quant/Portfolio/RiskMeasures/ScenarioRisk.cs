using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Portfolio.RiskMeasures;

/// <summary>
/// Historical value of each <see cref="RiskMeasure"/> for fixed weights on a T×N scenario matrix of periodic returns,
/// computed directly from the portfolio's return path (no optimisation). Losses are negated returns; CVaR and CDaR
/// use the Rockafellar–Uryasev definition min_v v + Σ(loss − v)⁺/(αT), which is exact for fractional αT; drawdowns
/// are uncompounded (Riskfolio). For reporting on one compounded return series use <see cref="Metrics.TailRisk"/> and
/// <see cref="Metrics.Drawdowns"/>.
/// </summary>
public static class ScenarioRisk
{
    /// <summary>The risk of <paramref name="weights"/> under <paramref name="measure"/> (α only matters for CVaR/CDaR).</summary>
    public static double Evaluate(RiskMeasure measure, Matrix<double> returns, IReadOnlyList<double> weights, double alpha)
    {
        var path = PortfolioReturns(returns, weights);
        return measure switch
        {
            RiskMeasure.MeanAbsoluteDeviation => MeanAbsoluteDeviation(path),
            RiskMeasure.ConditionalValueAtRisk => TailMean(path.Select(r => -r).ToArray(), alpha),
            RiskMeasure.ConditionalDrawdownAtRisk => TailMean(Drawdowns(path), alpha),
            RiskMeasure.MaxDrawdown => Drawdowns(path).Max(),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Unknown risk measure."),
        };
    }

    /// <summary>Portfolio return of each period: row t of <paramref name="returns"/> dotted with the weights.</summary>
    public static double[] PortfolioReturns(Matrix<double> returns, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != returns.ColumnCount)
        {
            throw new ArgumentException($"{weights.Count} weights for {returns.ColumnCount} return columns; pass one weight per asset.", nameof(weights));
        }
        var path = new double[returns.RowCount];
        for (var t = 0; t < path.Length; t++)
        {
            var sum = 0.0;
            for (var i = 0; i < weights.Count; i++) sum += returns[t, i] * weights[i];
            path[t] = sum;
        }
        return path;
    }

    /// <summary>Drawdown after each period: running peak of the cumulative sum (peak starts at 0) minus the sum.</summary>
    public static double[] Drawdowns(IReadOnlyList<double> portfolioReturns)
    {
        ArgumentNullException.ThrowIfNull(portfolioReturns);
        var drawdowns = new double[portfolioReturns.Count];
        var (cumulative, peak) = (0.0, 0.0);
        for (var t = 0; t < drawdowns.Length; t++)
        {
            cumulative += portfolioReturns[t];
            peak = Math.Max(peak, cumulative);
            drawdowns[t] = peak - cumulative;
        }
        return drawdowns;
    }

    private static double MeanAbsoluteDeviation(double[] path)
    {
        var mean = path.Average();
        return path.Sum(r => Math.Abs(r - mean)) / path.Length;
    }

    /// <summary>min over v of v + Σ(xₜ − v)⁺/(αT); the minimum is attained at one of the xₜ.</summary>
    private static double TailMean(double[] values, double alpha)
    {
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must lie in (0, 1).");
        var sorted = values.OrderByDescending(v => v).ToArray();
        var scale = 1.0 / (alpha * sorted.Length);
        var best = double.PositiveInfinity;
        var prefix = 0.0;
        for (var k = 0; k < sorted.Length; k++)
        {
            // Candidate v = sorted[k]: the k larger values exceed it.
            best = Math.Min(best, sorted[k] + scale * (prefix - k * sorted[k]));
            prefix += sorted[k];
        }
        return best;
    }
}
