namespace ActorTrader.Quant.Forecasting.Arima;

/// <summary>
/// A fitted (seasonal) ARIMA model. Forecasts run the residual recursion over the given history with the fitted
/// coefficients, extend it with zero future innovations, and integrate back through the differencing; the forecast
/// error variance at step h is σ² Σ_{j&lt;h} ψ_j² with ψ from θ(B)Θ(B^s) / (φ(B)Φ(B^s)(1 − B)^d(1 − B^s)^D).
/// </summary>
public sealed class FittedArima : IFittedModel
{
    private readonly ArimaCandidate _fit;
    private readonly ArmaErrors _errors;
    private readonly double[] _differencing;

    internal FittedArima(string version, ArimaCandidate fit, IReadOnlyList<string> notes)
    {
        _fit = fit;
        Version = version;
        Notes = notes;
        _errors = new ArmaErrors(fit.Order, fit.IncludeMean, fit.ExogenousCount);
        _differencing = LagPolynomial.Differencing(fit.Order.D, fit.Order.SeasonalD, fit.Order.Period);
        Diagnostics = ResidualDiagnostics.Of(fit.Residuals, fit.Order.ArmaCoefficients);
        var parameters = new Dictionary<string, double>();
        if (fit.IncludeMean) parameters["mean"] = fit.Mean;
        for (var i = 0; i < fit.ExogenousCount; i++) parameters[$"beta{i + 1}"] = fit.Betas[i];
        for (var i = 0; i < fit.Order.P; i++) parameters[$"ar{i + 1}"] = fit.Ar[i];
        for (var i = 0; i < fit.Order.SeasonalP; i++) parameters[$"sar{i + 1}"] = fit.SeasonalAr[i];
        for (var i = 0; i < fit.Order.Q; i++) parameters[$"ma{i + 1}"] = fit.Ma[i];
        for (var i = 0; i < fit.Order.SeasonalQ; i++) parameters[$"sma{i + 1}"] = fit.SeasonalMa[i];
        parameters["sigma2"] = fit.Sigma2;
        parameters["aic"] = fit.Aic;
        Parameters = parameters;
    }

    public string Model => ArimaModel.ModelName;

    public string Version { get; }

    public ArimaOrder Order => _fit.Order;

    public ArimaCandidate Candidate => _fit;

    public IReadOnlyDictionary<string, double> Parameters { get; }

    public ResidualDiagnostics Diagnostics { get; }

    public IReadOnlyList<string> Notes { get; }

    public Forecast Forecast(ReadOnlySpan<double> logPrices, int horizon)
    {
        if (_fit.ExogenousCount > 0)
            throw new InvalidOperationException($"ARIMA{_fit.Order} was fitted with {_fit.ExogenousCount} exogenous regressor(s); call Forecast(series, horizon, exogenous) with their values over the history and the horizon.");
        return Forecast(logPrices, horizon, []);
    }

    /// <summary>Forecast with exogenous regressors: each column holds values for the whole history followed by the <paramref name="horizon"/> future steps.</summary>
    public Forecast Forecast(ReadOnlySpan<double> series, int horizon, IReadOnlyList<double[]> exogenous)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (exogenous.Count != _fit.ExogenousCount)
            throw new ArgumentException($"ARIMA{_fit.Order} needs {_fit.ExogenousCount} exogenous regressor(s); {exogenous.Count} were given.", nameof(exogenous));
        foreach (var column in exogenous)
            if (column.Length != series.Length + horizon)
                throw new ArgumentException($"An exogenous regressor has {column.Length} values; it needs {series.Length + horizon} (the history plus the horizon).", nameof(exogenous));
        var degree = _differencing.Length - 1;
        if (series.Length <= degree + _errors.ArLags + 1)
            throw new ArgumentException($"The history has {series.Length} values; ARIMA{_fit.Order} needs more than {degree + _errors.ArLags + 1} to forecast.", nameof(series));

        var n = series.Length;
        var theta = _fit.Coefficients;
        var w = LagPolynomial.Apply(_differencing, series);
        var xwAll = exogenous.Select(column => LagPolynomial.Apply(_differencing, column)).ToArray();
        var xw = xwAll.Select(column => column[..w.Length]).ToArray();
        var m = w.Length;
        var u = new double[m + horizon];
        var e = new double[m + horizon];
        _errors.Residuals(theta, w, xw, 0, u, e, null);
        var (ar, ma) = _errors.Polynomials(theta);
        var wForecast = new double[horizon];
        for (var k = 0; k < horizon; k++)
        {
            var t = m + k;
            var value = 0.0;
            for (var l = 1; l < ar.Length; l++) value -= ar[l] * u[t - l];
            for (var j = 1; j < ma.Length; j++)
                if (t - j < m) value += ma[j] * e[t - j];
            u[t] = value;
            var regression = _fit.Mean;
            for (var c = 0; c < xwAll.Length; c++) regression += theta[(_fit.IncludeMean ? 1 : 0) + c] * xwAll[c][t];
            wForecast[k] = value + regression;
        }

        var levels = new double[n + horizon];
        series.CopyTo(levels);
        for (var k = 0; k < horizon; k++)
        {
            var t = n + k;
            var value = wForecast[k];
            for (var l = 1; l <= degree; l++) value -= _differencing[l] * levels[t - l];
            levels[t] = value;
        }
        var path = levels[n..];
        var volatility = Math.Sqrt(_fit.Sigma2 * PsiSquaredSum(ar, ma, horizon));
        return Quant.Forecasting.Forecast.FromPath(series[^1], path, volatility);
    }

    private double PsiSquaredSum(double[] ar, double[] ma, int horizon)
    {
        var full = LagPolynomial.Multiply(ar, _differencing);
        var psi = new double[horizon];
        var sum = 0.0;
        for (var j = 0; j < horizon; j++)
        {
            var value = j == 0 ? 1 : j < ma.Length ? ma[j] : 0;
            for (var l = 1; l <= j && l < full.Length; l++) value -= full[l] * psi[j - l];
            psi[j] = value;
            sum += value * value;
        }
        return sum;
    }
}
