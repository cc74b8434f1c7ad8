namespace ActorTrader.Backtest.Universe;

/// <summary>
/// The simple admission rule of <see cref="InMemoryUniverseFilter"/>: at least <paramref name="MinimumHistory"/> rows known
/// by the decision time, and the latest of them with a rating ≥ <paramref name="MinimumRating"/> and a close ≥
/// <paramref name="MinimumClose"/> (a NaN rating or close never passes).
/// </summary>
public sealed record UniverseRule(int MinimumHistory = 1, double MinimumRating = -1.0, double MinimumClose = 0.0)
{
    /// <summary>Everything with at least one row is allowed.</summary>
    public static UniverseRule Any { get; } = new();
}
