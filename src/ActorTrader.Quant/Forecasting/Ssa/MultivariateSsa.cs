namespace ActorTrader.Quant.Forecasting.Ssa;

/// <summary>
/// Multivariate SSA (horizontal stacking, Golyandina &amp; Stepanov 2005): the trajectory matrices of several series of
/// the same length share one signal subspace; each series is reconstructed in it and forecast with the common LRR.
/// Series are used as they are (no centring, as in the textbook method): a level is one more component of the
/// subspace, and centring would add a constant to every oscillation. With one series this is plain SSA.
/// </summary>
public sealed class MultivariateSsa
{
    private MultivariateSsa(SsaSubspace subspace)
    {
        Subspace = subspace;
    }

    public SsaSubspace Subspace { get; }

    public static MultivariateSsa Fit(IReadOnlyList<double[]> series, int window, int rank)
    {
        if (series.Count == 0) throw new ArgumentException("Pass at least one series.", nameof(series));
        return new MultivariateSsa(SsaSubspace.Fit(series, window, rank));
    }

    /// <summary>Forecasts one of the series (its history may be longer than the one fitted) with the common recurrence, <paramref name="horizon"/> steps ahead.</summary>
    public double[] Forecast(ReadOnlySpan<double> history, int horizon) => Subspace.Forecast(history, horizon);

    /// <summary>The rank-r reconstruction of one of the series in the common subspace.</summary>
    public double[] Reconstruct(ReadOnlySpan<double> history) => Subspace.Reconstruct(history);
}
