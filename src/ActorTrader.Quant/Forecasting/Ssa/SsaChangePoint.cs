namespace ActorTrader.Quant.Forecasting.Ssa;

/// <summary>
/// SSA change-point detection (Moskvina &amp; Zhigljavsky 2003): the signal subspace is fitted on a base window of
/// lagged vectors; the test window that follows is scored by its mean squared distance from that subspace divided by the
/// base window's own mean distance. A structural change (new frequency, trend break) moves the test vectors out of the
/// base subspace, so the score rises well above 1.
/// </summary>
public static class SsaChangePoint
{
    /// <summary>The score of the last <paramref name="testVectors"/> lagged vectors against the <paramref name="baseVectors"/> before them.</summary>
    public static double Score(ReadOnlySpan<double> series, int window, int rank, int baseVectors, int testVectors) =>
        ScoreAt(series.ToArray(), window, rank, baseVectors, testVectors, series.Length - window + 1);

    /// <summary>Scores every <paramref name="step"/>-th end position; entry i is the score of the test window ending at lagged vector <c>Ends[i]</c>.</summary>
    public static (int[] Ends, double[] Scores) Scan(ReadOnlySpan<double> series, int window, int rank, int baseVectors, int testVectors, int step = 1)
    {
        var x = series.ToArray();
        var totalVectors = x.Length - window + 1;
        var ends = new List<int>();
        var scores = new List<double>();
        for (var end = baseVectors + testVectors; end <= totalVectors; end += step)
        {
            ends.Add(end);
            scores.Add(ScoreAt(x, window, rank, baseVectors, testVectors, end));
        }
        return (ends.ToArray(), scores.ToArray());
    }

    /// <summary>Positions (series index of the last value in the flagged test window) where the score first exceeds <paramref name="threshold"/> after being below it.</summary>
    public static IReadOnlyList<int> Flags(ReadOnlySpan<double> series, int window, int rank, int baseVectors, int testVectors, double threshold, int step = 1)
    {
        var (ends, scores) = Scan(series, window, rank, baseVectors, testVectors, step);
        var flags = new List<int>();
        var above = false;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] > threshold && !above) flags.Add(ends[i] - 1 + window - 1);
            above = scores[i] > threshold;
        }
        return flags;
    }

    private static double ScoreAt(double[] x, int window, int rank, int baseVectors, int testVectors, int end)
    {
        if (baseVectors < window) throw new ArgumentOutOfRangeException(nameof(baseVectors), baseVectors, $"The base window needs at least as many lagged vectors as the window length {window}.");
        if (testVectors < 1) throw new ArgumentOutOfRangeException(nameof(testVectors), testVectors, "The test window needs at least one lagged vector.");
        var baseStart = end - testVectors - baseVectors;
        if (baseStart < 0)
            throw new ArgumentException($"The series has {x.Length} values; a base of {baseVectors} and a test of {testVectors} lagged vectors of length {window} need {baseVectors + testVectors + window - 1}.");
        // Centre on the base window so the level does not dominate the subspace.
        var mean = 0.0;
        for (var t = baseStart; t < baseStart + baseVectors + window - 1; t++) mean += x[t];
        mean /= baseVectors + window - 1;
        var centred = new double[end + window - 1 - baseStart];
        for (var t = 0; t < centred.Length; t++) centred[t] = x[baseStart + t] - mean;
        var subspace = SsaSubspace.Fit([centred], window, rank, 0, baseVectors);
        var baseDistance = 0.0;
        for (var j = 0; j < baseVectors; j++) baseDistance += subspace.Distance(centred, j);
        var testDistance = 0.0;
        for (var j = baseVectors; j < baseVectors + testVectors; j++) testDistance += subspace.Distance(centred, j);
        var baseMean = baseDistance / baseVectors;
        var testMean = testDistance / testVectors;
        return baseMean > 0 ? testMean / baseMean : testMean > 0 ? double.PositiveInfinity : 1;
    }
}
