namespace ActorTrader.Research.Discovery;

/// <summary>
/// The unit an indicator is measured in. Rules compare like with like: price-scale features with each other, the others
/// with a constant from the scale's range or a feature of the same scale; mutation keeps an indicator in its scale.
/// </summary>
public enum IndicatorScale
{
    Price,
    Oscillator,
    Return,
    Volatility,
    ZScore,
}
