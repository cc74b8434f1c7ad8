using System.Globalization;

namespace ActorTrader.Trading.Universe;

/// <summary>
/// Who may be held at a decision, judged on the feature rows known by then: at least <paramref name="MinimumHistory"/>
/// rows, and on the latest of them a close ≥ <paramref name="MinimumClose"/> and, when <paramref name="MinimumRating"/>
/// is set, a known <c>rating_all</c> ≥ it (an unknown rating — still warming up — fails a set minimum and passes an unset one).
/// </summary>
public sealed record FeatureUniverseRules(int MinimumHistory = 252, double? MinimumRating = null, double MinimumClose = 1.0)
{
    /// <summary>The rules in the configuration's words, e.g. "min-history 252, min-rating off, min-close 1".</summary>
    public string Describe() =>
        $"min-history {MinimumHistory.ToString(CultureInfo.InvariantCulture)}, " +
        $"min-rating {(MinimumRating is { } r ? r.ToString("R", CultureInfo.InvariantCulture) : "off")}, " +
        $"min-close {MinimumClose.ToString("R", CultureInfo.InvariantCulture)}";
}
