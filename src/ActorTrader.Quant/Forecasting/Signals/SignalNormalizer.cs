using MathNet.Numerics.Distributions;

namespace ActorTrader.Quant.Forecasting.Signals;

/// <summary>Turns any model's <see cref="Forecast"/> into the one <see cref="Signal"/> schema.</summary>
public static class SignalNormalizer
{
    /// <summary>Expected returns smaller than this (in log-return units, 1 basis point) are flat.</summary>
    public const double DefaultDeadBand = 1e-4;

    public static Signal Normalize(Forecast forecast, string symbol, string model, string version, string dataFingerprint, DateTime timestamp,
        DateTime asOf, double deadBand = DefaultDeadBand)
    {
        if (timestamp.Kind != DateTimeKind.Utc) throw new ArgumentException($"timestamp {timestamp:O} is not UTC; signals carry UTC times.", nameof(timestamp));
        if (asOf.Kind != DateTimeKind.Utc) throw new ArgumentException($"asOf {asOf:O} is not UTC; signals carry UTC times.", nameof(asOf));
        var expected = forecast.ExpectedReturn;
        if (!double.IsFinite(expected) || !double.IsFinite(forecast.Volatility) || forecast.Volatility < 0)
            throw new ArgumentException($"{model} forecast for {symbol} is not finite (expected return {expected}, volatility {forecast.Volatility}); it cannot become a signal.", nameof(forecast));
        var direction = Math.Abs(expected) < deadBand ? SignalDirection.Flat : expected > 0 ? SignalDirection.Up : SignalDirection.Down;
        var confidence = forecast.Volatility > 0 ? 2 * Normal.CDF(0, 1, Math.Abs(expected) / forecast.Volatility) - 1 : 0;
        return new Signal(symbol, direction, expected, confidence, forecast.Horizon, forecast.Volatility, model, version, dataFingerprint, timestamp, asOf, forecast.Flags);
    }
}
