namespace ActorTrader.Quant.Forecasting.Ssa;

/// <summary>A fitted SSA forecaster; its volatility is the daily log-return volatility of the fitted history scaled by √h.</summary>
public sealed class FittedSsa : IFittedModel
{
    private readonly SsaModel _model;
    private readonly MultivariateSsa _ssa;
    private readonly double _dailyVolatility;

    internal FittedSsa(SsaModel model, MultivariateSsa ssa, double[] residuals, double dailyVolatility)
    {
        _model = model;
        _ssa = ssa;
        _dailyVolatility = dailyVolatility;
        Diagnostics = ResidualDiagnostics.Of(residuals);
        Parameters = new Dictionary<string, double>
        {
            ["window"] = model.Window, ["rank"] = model.Rank, ["explained"] = ssa.Subspace.ExplainedShare, ["daily-volatility"] = dailyVolatility,
        };
        Notes = [$"SSA window {model.Window}, rank {model.Rank}, {ssa.Subspace.ExplainedShare:P1} of the lag covariance in the signal subspace"];
    }

    public string Model => SsaModel.ModelName;

    public string Version => _model.Version;

    public IReadOnlyDictionary<string, double> Parameters { get; }

    public ResidualDiagnostics Diagnostics { get; }

    public IReadOnlyList<string> Notes { get; }

    public Forecast Forecast(ReadOnlySpan<double> logPrices, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (logPrices.Length < _model.Window)
            throw new ArgumentException($"The history has {logPrices.Length} values, fewer than the SSA window {_model.Window}.", nameof(logPrices));
        // The recurrence continues the reconstructed signal, not the noisy last close: the forecast is the signal's change
        // from its reconstructed last value, added to the last close. Otherwise the gap between close and signal (noise)
        // would be forecast to vanish within one bar, which made version 1 far worse than the random walk on real prices.
        var signalPath = _ssa.Forecast(logPrices, horizon);
        var signalLast = _ssa.Subspace.Reconstruct(logPrices, logPrices.Length - 1)[0];
        var last = logPrices[^1];
        var path = signalPath.Select(value => last + (value - signalLast)).ToArray();
        IReadOnlyList<string> flags = _model.ChangePointScore(logPrices) is { } score && score > _model.ChangePointThreshold ? ["change-point"] : [];
        return Quant.Forecasting.Forecast.FromPath(logPrices[^1], path, _dailyVolatility * Math.Sqrt(horizon), flags);
    }
}
