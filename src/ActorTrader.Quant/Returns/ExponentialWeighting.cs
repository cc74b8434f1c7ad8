namespace ActorTrader.Quant.Returns;

/// <summary>
/// The last value of an exponentially weighted mean with pandas' defaults (<c>ewm(span).mean().iloc[-1]</c>,
/// adjust=True, ignore_na=False): weight (1−α)^k for the value k positions before the end, α = 2/(span+1),
/// with NaN values skipped but still counted as elapsed time.
/// </summary>
internal static class ExponentialWeighting
{
    public static double Alpha(double span)
    {
        if (!(span >= 1)) throw new ArgumentOutOfRangeException(nameof(span), span, "The span of an exponential weighting must be at least 1.");
        return 2.0 / (span + 1.0);
    }

    /// <summary>Weighted mean of <paramref name="values"/>(0..count−1) by position; NaN if no value is finite.</summary>
    public static double LastMean(Func<int, double> values, int count, double alpha)
    {
        var decay = 1.0 - alpha;
        var weightedSum = 0.0;
        var weightSum = 0.0;
        for (var t = 0; t < count; t++)
        {
            weightedSum *= decay;
            weightSum *= decay;
            var x = values(t);
            if (double.IsNaN(x)) continue;
            weightedSum += x;
            weightSum += 1.0;
        }
        return weightSum > 0 ? weightedSum / weightSum : double.NaN;
    }
}
