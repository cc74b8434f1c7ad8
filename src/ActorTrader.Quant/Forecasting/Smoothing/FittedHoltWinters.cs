namespace ActorTrader.Quant.Forecasting.Smoothing;

/// <summary>
/// Fitted Holt–Winters. Forecast ŷ_{T+k} = ℓ_T + k·b_T + s for the same slot of the season; the h-step error variance is
/// σ²(1 + Σ_{j=1}^{h−1} c_j²) with c_j = α + αβ j + γ(1 − α)·1[j mod m = 0] (Hyndman et al. 2008, class 1).
/// </summary>
public sealed class FittedHoltWinters : IFittedModel
{
    private readonly double _sigma2;

    internal FittedHoltWinters(string version, HoltWintersParameters parameters, HoltWintersState state, double[] errors)
    {
        Version = version;
        Smoothing = parameters;
        _sigma2 = state.SumOfSquaredErrors / Math.Max(state.ErrorCount, 1);
        Diagnostics = ResidualDiagnostics.Of(errors);
        Parameters = new Dictionary<string, double>
        {
            ["alpha"] = parameters.Alpha, ["beta"] = parameters.Beta, ["gamma"] = parameters.Gamma, ["period"] = parameters.Period, ["sigma2"] = _sigma2,
        };
        Notes = [parameters.Seasonal ? $"Holt-Winters additive, period {parameters.Period}" : "Holt linear trend (no season)"];
    }

    public string Model => HoltWintersModel.ModelName;

    public string Version { get; }

    public HoltWintersParameters Smoothing { get; }

    public IReadOnlyDictionary<string, double> Parameters { get; }

    public ResidualDiagnostics Diagnostics { get; }

    public IReadOnlyList<string> Notes { get; }

    public Forecast Forecast(ReadOnlySpan<double> logPrices, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (logPrices.Length < Smoothing.InitialisationLength + 1)
            throw new ArgumentException($"The history has {logPrices.Length} values; Holt-Winters needs at least {Smoothing.InitialisationLength + 1}.", nameof(logPrices));
        var state = Smoothing.Run(logPrices, []);
        return Project(state, logPrices[^1], horizon);
    }

    /// <summary>The forecast from a state (also used by tests that check the arithmetic by hand).</summary>
    public Forecast Project(HoltWintersState state, double lastObserved, int horizon)
    {
        var path = new double[horizon];
        var m = Smoothing.Seasonal ? Smoothing.Period : 1;
        for (var k = 1; k <= horizon; k++)
        {
            var slot = (state.Length + k - 1) % m;
            path[k - 1] = state.Level + k * state.Trend + (Smoothing.Seasonal ? state.Season[slot] : 0);
        }
        var factor = 1.0;
        for (var j = 1; j < horizon; j++)
        {
            var c = Smoothing.Alpha + Smoothing.Alpha * Smoothing.Beta * j + (Smoothing.Seasonal && j % m == 0 ? Smoothing.Gamma * (1 - Smoothing.Alpha) : 0);
            factor += c * c;
        }
        return Quant.Forecasting.Forecast.FromPath(lastObserved, path, Math.Sqrt(_sigma2 * factor));
    }
}
