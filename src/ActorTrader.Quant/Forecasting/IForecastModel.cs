namespace ActorTrader.Quant.Forecasting;

/// <summary>
/// A forecasting model: fits its parameters to a series of log prices and returns a fitted model that forecasts any
/// later history with those parameters. Implementations are pure and deterministic (same input, same output) and
/// throw <see cref="ModelFitException"/> with a reason when no usable fit exists.
/// </summary>
public interface IForecastModel
{
    /// <summary>Short stable name used in signals, configuration and validation results (e.g. <c>arima</c>).</summary>
    string Name { get; }

    /// <summary>Version of the model's code and defaults; bumped when a change would alter its forecasts.</summary>
    string Version { get; }

    /// <summary>Fits the model to <paramref name="logPrices"/> (natural logs of closes, oldest first, all finite).</summary>
    IFittedModel Fit(ReadOnlySpan<double> logPrices, CancellationToken cancellationToken = default);
}
