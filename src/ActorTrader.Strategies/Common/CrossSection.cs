namespace ActorTrader.Strategies.Common;

/// <summary>Cross-sectional helpers: standardising a factor across symbols and picking the best-ranked ones deterministically.</summary>
internal static class CrossSection
{
    /// <summary>
    /// (x − mean)/sd across the finite values (population sd); NaN stays NaN, and a factor with no spread scores 0 for every
    /// symbol so it cannot dominate a weighted sum.
    /// </summary>
    public static double[] ZScores(IReadOnlyList<double> values)
    {
        var z = new double[values.Count];
        double sum = 0;
        var n = 0;
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) continue;
            sum += v;
            n++;
        }
        var mean = n > 0 ? sum / n : 0;
        double ss = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v)) ss += (v - mean) * (v - mean);
        }
        var sd = n > 0 ? Math.Sqrt(ss / n) : 0;
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = !double.IsFinite(values[i]) ? double.NaN : sd > 0 ? (values[i] - mean) / sd : 0;
        }
        return z;
    }

    /// <summary>Indices of the <paramref name="count"/> highest finite scores, best first; ties go to the lower index (panel order).</summary>
    public static int[] Top(IReadOnlyList<double> scores, int count) =>
        [.. Enumerable.Range(0, scores.Count)
            .Where(i => double.IsFinite(scores[i]))
            .OrderByDescending(i => scores[i])
            .ThenBy(i => i)
            .Take(count)];
}
