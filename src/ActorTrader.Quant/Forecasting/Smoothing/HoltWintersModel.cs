using ActorTrader.Quant.Forecasting.Fitting;

namespace ActorTrader.Quant.Forecasting.Smoothing;

/// <summary>
/// Additive Holt–Winters exponential smoothing of log prices; α, β, γ minimise the sum of squared one-step errors
/// (the ETS likelihood with fixed initial states), each kept in (0, 1) through a logistic transform.
/// </summary>
public sealed class HoltWintersModel(int period = 5) : IForecastModel
{
    public const string ModelName = "holt-winters";

    public int Period { get; } = period >= 0 ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "period is the season length in bars (0: no season) and cannot be negative.");

    public string Name => ModelName;

    public string Version => "1";

    public IFittedModel Fit(ReadOnlySpan<double> logPrices, CancellationToken cancellationToken = default)
    {
        var seasonal = Period > 1;
        var needed = (seasonal ? 2 * Period : 2) + 20;
        if (logPrices.Length < needed)
            throw new ModelFitException($"{Name}: {logPrices.Length} observations are too few; use at least {needed}.");
        var y = logPrices.ToArray();

        double Sse(double[] x)
        {
            var p = new HoltWintersParameters(Logistic(x[0]), Logistic(x[1]), seasonal ? Logistic(x[2]) : 0, Period);
            return p.Run(y, []).SumOfSquaredErrors;
        }

        double[] start = seasonal ? [Logit(0.3), Logit(0.1), Logit(0.1)] : [Logit(0.3), Logit(0.1)];
        var first = NelderMead.Minimize(Sse, start, 0.5, 1e-10, 4000, cancellationToken);
        var result = NelderMead.Minimize(Sse, first.Point, 0.2, 1e-10, 4000, cancellationToken);
        if (!result.Converged)
            throw new ModelFitException($"{Name}: smoothing parameters did not converge within {result.Evaluations} evaluations.");
        var parameters = new HoltWintersParameters(Logistic(result.Point[0]), Logistic(result.Point[1]), seasonal ? Logistic(result.Point[2]) : 0, Period);
        var errors = new double[y.Length];
        var state = parameters.Run(y, errors);
        return new FittedHoltWinters(Version, parameters, state, errors[..state.ErrorCount]);
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static double Logit(double p) => Math.Log(p / (1 - p));
}
