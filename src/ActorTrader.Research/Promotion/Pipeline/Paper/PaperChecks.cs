using System.Globalization;

namespace ActorTrader.Research.Promotion.Pipeline.Paper;

/// <summary>The checks a paper record must pass before live: each failure names its HOCON key, the record's figure and the limit.</summary>
public static class PaperChecks
{
    private const string Key = "actortrader.research.promotion.";

    /// <summary>Why <paramref name="evidence"/> does not qualify <paramref name="id"/> for live (null when it does).</summary>
    public static string? Refusal(string id, PaperEvidence evidence, PaperTrialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(settings);
        var failures = new List<string>();
        if (evidence.MaxDrawdown > settings.MaxDrawdown)
            failures.Add($"{Key}paper-max-drawdown: its maximum drawdown on paper is {P(evidence.MaxDrawdown)}, above the {P(settings.MaxDrawdown)} allowed");
        if (evidence.Return < settings.MinReturn)
            failures.Add($"{Key}paper-min-return: its return on paper is {P(evidence.Return)}, below the {P(settings.MinReturn)} required");
        if (failures.Count == 0) return null;
        return $"Refused: candidate {id} fails the paper check {string.Join("; and ", failures)} (over {evidence.Days.Count} paper day(s)). " +
            "Fix: leave it on paper until its record qualifies, or relax the check in the node's configuration if the limit is wrong.";
    }

    /// <summary>A share as a percentage with two decimals, e.g. 0.1234 → 12.34%.</summary>
    public static string P(double share) => (share * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
