namespace ActorTrader.Quant.Forecasting.Garch;

/// <summary>
/// A fitted GARCH/GJR-GARCH model. The h-step forecast variance of the log return is Σ_{k=1}^{h} σ²_{T+k} with
/// σ²_{T+k} = ω + persistence·σ²_{T+k−1} after the first step. Diagnostics are on the standardised residuals z_t.
/// </summary>
public sealed class FittedGarch : IFittedModel
{
    private readonly double _initialVariance;

    internal FittedGarch(string model, string version, GarchParameters parameters, double initialVariance, double[] returns, double logLikelihood)
    {
        Model = model;
        Version = version;
        Estimates = parameters;
        _initialVariance = initialVariance;
        var variances = new double[returns.Length];
        parameters.Filter(returns, initialVariance, variances);
        var standardised = new double[returns.Length];
        for (var t = 0; t < returns.Length; t++) standardised[t] = (returns[t] - parameters.Mu) / Math.Sqrt(variances[t]);
        Diagnostics = ResidualDiagnostics.Of(standardised);
        var count = model == GarchModel.GjrName ? 5 : 4;
        Parameters = new Dictionary<string, double>
        {
            ["mu"] = parameters.Mu, ["omega"] = parameters.Omega, ["alpha"] = parameters.Alpha, ["beta"] = parameters.Beta,
            ["gamma"] = parameters.Gamma, ["persistence"] = parameters.Persistence,
            ["log-likelihood"] = logLikelihood, ["aic"] = -2 * logLikelihood + 2 * count,
        };
        Notes = [$"{model}: persistence {parameters.Persistence:0.####}, long-run daily volatility {Math.Sqrt(Math.Max(parameters.UnconditionalVariance, 0)):0.#####}"];
    }

    public string Model { get; }

    public string Version { get; }

    public GarchParameters Estimates { get; }

    public IReadOnlyDictionary<string, double> Parameters { get; }

    public ResidualDiagnostics Diagnostics { get; }

    public IReadOnlyList<string> Notes { get; }

    /// <summary>Conditional variances σ²_{T+1..T+h} after the history.</summary>
    public double[] VarianceForecast(ReadOnlySpan<double> logPrices, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var returns = GarchModel.Returns(logPrices);
        var variances = new double[returns.Length];
        var next = Estimates.Filter(returns, _initialVariance, variances);
        var forecast = new double[horizon];
        forecast[0] = next;
        for (var k = 1; k < horizon; k++) forecast[k] = Estimates.Omega + Estimates.Persistence * forecast[k - 1];
        return forecast;
    }

    public Forecast Forecast(ReadOnlySpan<double> logPrices, int horizon)
    {
        var variances = VarianceForecast(logPrices, horizon);
        var path = new double[horizon];
        for (var k = 0; k < horizon; k++) path[k] = logPrices[^1] + Estimates.Mu * (k + 1);
        return Quant.Forecasting.Forecast.FromPath(logPrices[^1], path, Math.Sqrt(variances.Sum()));
    }
}
