using MathNet.Numerics.Distributions;

namespace ActorTrader.Quant.Statistics;

/// <summary>
/// Exact binomial sign test of a zero median difference: under the null each non-zero difference is positive with
/// probability ½. <see cref="Alternative.Greater"/>: positives are more likely than negatives.
/// The two-sided p-value is min(1, 2·min(P(X ≤ k), P(X ≥ k))), which for p = ½ equals R's binom.test.
/// </summary>
public static class SignTest
{
    /// <summary>Test on differences (e.g. strategy minus benchmark returns); zeros and NaN are dropped.</summary>
    public static TestResult FromDifferences(ReadOnlySpan<double> differences, Alternative alternative = Alternative.TwoSided)
    {
        int positives = 0, trials = 0;
        foreach (var d in differences)
        {
            if (double.IsNaN(d) || d == 0) continue;
            trials++;
            if (d > 0) positives++;
        }
        if (trials == 0)
            throw new ArgumentException("differences has no non-zero, non-NaN value; the sign test needs at least one.", nameof(differences));
        return Exact(positives, trials, alternative);
    }

    /// <summary>Test of <paramref name="positives"/> successes in <paramref name="trials"/> fair coin flips.</summary>
    public static TestResult Exact(int positives, int trials, Alternative alternative = Alternative.TwoSided)
    {
        if (trials < 1) throw new ArgumentOutOfRangeException(nameof(trials), trials, "trials must be at least 1.");
        if (positives < 0 || positives > trials)
            throw new ArgumentOutOfRangeException(nameof(positives), positives, $"positives must be between 0 and trials ({trials}).");
        var lower = Binomial.CDF(0.5, trials, positives);            // P(X ≤ k)
        var upper = Binomial.CDF(0.5, trials, trials - positives);   // P(X ≥ k) = P(X ≤ n − k) by symmetry, no cancellation
        var p = alternative switch
        {
            Alternative.Greater => upper,
            Alternative.Less => lower,
            _ => Math.Min(1, 2 * Math.Min(lower, upper)),
        };
        return new TestResult(positives, p, trials, (double)positives / trials, alternative);
    }
}
