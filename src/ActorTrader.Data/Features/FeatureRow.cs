using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Features;

/// <summary>
/// One row of <c>features_matrix.parquet</c>: a symbol's daily bar at <see cref="Timestamp"/> (the bar start, UTC), its
/// close, and the TradingView-style technical ratings in [−1, 1] computed from the symbol's bars up to and including it
/// (null while the indicators are still warming up).
/// </summary>
public sealed record FeatureRow(
    DateTimeOffset Timestamp,
    Symbol Symbol,
    double Close,
    double? RatingAll,
    double? RatingMovingAverages,
    double? RatingOscillators);
