using System.Globalization;
using ActorTrader.Quant.Metrics;

namespace ActorTrader.Research.Portfolio;

/// <summary>
/// Portfolio-level fitness: a candidate that is the same bet as a strategy already promoted adds little, so its fitness is
/// reduced by weight × the largest positive correlation of its daily returns with any promoted strategy's. The maximum,
/// not the mean, because one near-duplicate is enough to make the candidate redundant, however many unrelated strategies
/// are promoted. Series are aligned on their most recent common bars (the last min(lengths) values of each); a pair with
/// fewer than three common bars, or a side that does not vary, has no measurable correlation and adds nothing. Negative
/// correlation (a hedge) is not rewarded, only not penalised.
/// </summary>
public static class CorrelationPenalty
{
    /// <summary>The penalty in fitness units, in [0, <paramref name="weight"/>]; 0 when nothing is promoted.</summary>
    public static double Compute(IReadOnlyList<double> candidateReturns, IReadOnlyList<IReadOnlyList<double>> promotedReturns, double weight)
    {
        ArgumentNullException.ThrowIfNull(candidateReturns);
        ArgumentNullException.ThrowIfNull(promotedReturns);
        if (!(weight >= 0) || !double.IsFinite(weight))
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "The correlation penalty weight must be a finite number, 0 or more.");
        var worst = 0.0;
        for (var i = 0; i < promotedReturns.Count; i++)
        {
            var promoted = promotedReturns[i] ?? throw new ArgumentException($"promotedReturns[{i}] is null.", nameof(promotedReturns));
            worst = Math.Max(worst, Correlation(candidateReturns, promoted));
        }
        return weight * worst;
    }

    /// <summary>Pearson correlation of the most recent common bars; 0 when it is undefined (fewer than three bars, a constant side).</summary>
    public static double Correlation(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var common = Math.Min(a.Count, b.Count);
        if (common < 3) return 0;
        var x = new double[common];
        var y = new double[common];
        for (var t = 0; t < common; t++)
        {
            x[t] = a[a.Count - common + t];
            y[t] = b[b.Count - common + t];
            if (!double.IsFinite(x[t]) || !double.IsFinite(y[t]))
                throw new ArgumentException($"Return {t} of the aligned series is not finite ({x[t].ToString(CultureInfo.InvariantCulture)}, {y[t].ToString(CultureInfo.InvariantCulture)}); fitness returns are always finite, so the input is damaged.", nameof(a));
        }
        var correlation = BenchmarkExposure.Correlation(x, y);
        return double.IsFinite(correlation) ? correlation : 0;
    }
}
