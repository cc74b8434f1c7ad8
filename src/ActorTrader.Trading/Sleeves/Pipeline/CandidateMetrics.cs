using ActorTrader.Quant.Metrics;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// The figures natural selection judges a candidate by, over its observations and in its own direction (a short
/// candidate's stream is the short leg it would become, −min(R_raw, 1)): annualised Sharpe (NaN when the stream does not
/// vary), maximum drawdown of the compounded curve, entries, and the share of in-market periods that gained.
/// </summary>
public sealed record CandidateMetrics(string Id, int Observations, int ActiveBars, int Trades, double Sharpe, double MaxDrawdown, double HitRate, double TotalReturn)
{
    public static CandidateMetrics Of(CandidateStream candidate, double periodsPerYear)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var directional = Directional(candidate);
        var sharpe = directional.Length >= 2 ? RiskAdjustedRatios.Sharpe(directional, 0, periodsPerYear) : double.NaN;
        var drawdown = directional.Length > 0 ? Drawdowns.Maximum(directional).Depth : 0;
        int wins = 0;
        var growth = 1.0;
        var raw = candidate.Raw;
        for (var k = 0; k < directional.Length; k++)
        {
            growth *= 1 + directional[k];
            if (raw[candidate.FirstObservation + k] != 0 && directional[k] > 0) wins++;
        }
        var hitRate = candidate.ActiveBars == 0 ? 0 : (double)wins / candidate.ActiveBars;
        return new CandidateMetrics(candidate.Id, candidate.Observations, candidate.ActiveBars, candidate.Trades, sharpe, drawdown, hitRate, growth - 1);
    }

    /// <summary>The candidate's returns in its own direction from its first observation on.</summary>
    public static double[] Directional(CandidateStream candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var raw = candidate.Raw[candidate.FirstObservation..];
        var result = new double[raw.Length];
        for (var k = 0; k < raw.Length; k++) result[k] = candidate.Direction == CandidateDirection.Long ? raw[k] : ShortLeg.Invert(raw[k]);
        return result;
    }
}
