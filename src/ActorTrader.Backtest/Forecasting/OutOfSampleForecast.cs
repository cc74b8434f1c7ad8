namespace ActorTrader.Backtest.Forecasting;

/// <summary>
/// One out-of-sample forecast made during validation: from the close at <paramref name="Origin"/> (the last bar the
/// model saw), the predicted and the realised log return <c>Horizon</c> bars later.
/// </summary>
public readonly record struct OutOfSampleForecast(string Symbol, DateTime Origin, double LastLogPrice, double Predicted, double Actual)
{
    /// <summary>Forecast error of the model.</summary>
    public double Error => Predicted - Actual;

    /// <summary>Forecast error of the naive random walk from the same origin, which predicts no change.</summary>
    public double NaiveError => -Actual;
}
