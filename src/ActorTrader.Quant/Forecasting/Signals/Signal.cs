namespace ActorTrader.Quant.Forecasting.Signals;

/// <summary>
/// One model's normalised forecast for one symbol, with its provenance: every signal names the model and version that
/// made it, a fingerprint of the exact bars it saw, and when (UTC) it was made, so any routed signal can be traced and
/// reproduced.
/// </summary>
/// <param name="Symbol">Instrument symbol.</param>
/// <param name="Direction">Up, down or flat (expected return inside the dead band).</param>
/// <param name="ExpectedReturn">Expected log return over <paramref name="Horizon"/> bars.</param>
/// <param name="Confidence">2Φ(|expected return| / volatility) − 1, in [0, 1): how many standard errors the forecast is from zero.</param>
/// <param name="Horizon">Bars ahead.</param>
/// <param name="Volatility">Standard deviation of the log return over the horizon.</param>
/// <param name="Model">Model name (e.g. <c>arima</c>).</param>
/// <param name="Version">Model version.</param>
/// <param name="DataFingerprint">Fingerprint of the bars the model saw (<see cref="DataFingerprint"/>).</param>
/// <param name="Timestamp">When the signal was made (UTC).</param>
/// <param name="AsOf">Time of the last bar the model saw (UTC).</param>
/// <param name="Flags">Conditions such as <c>change-point</c>.</param>
public sealed record Signal(string Symbol, SignalDirection Direction, double ExpectedReturn, double Confidence, int Horizon, double Volatility,
    string Model, string Version, string DataFingerprint, DateTime Timestamp, DateTime AsOf, IReadOnlyList<string> Flags);
