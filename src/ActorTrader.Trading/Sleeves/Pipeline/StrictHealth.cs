using System.Globalization;
using ActorTrader.Trading.Sleeves.Definition;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// Stage 2, strict health: a candidate stays only when every return is finite (a NaN or infinite return — a held position
/// over a missing or zero price — excludes it, naming the first such date), it has at least
/// <see cref="HealthSettings.MinObservations"/> periods after its warm-up, and it held a position at least once.
/// </summary>
public static class StrictHealth
{
    public const string StageName = "health";

    public static HealthResult Apply(IReadOnlyList<CandidateStream> candidates, ReturnAxis axis, HealthSettings settings)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(axis);
        ArgumentNullException.ThrowIfNull(settings);
        var healthy = new List<CandidateStream>();
        var excluded = new List<ExcludedCandidate>();
        var rows = new List<HealthRow>();
        foreach (var c in candidates)
        {
            var reason = Problem(c, axis, settings);
            rows.Add(new HealthRow(c.Id, c.Observations, c.ActiveBars, c.Trades, reason is null, reason));
            if (reason is null) healthy.Add(c);
            else excluded.Add(new ExcludedCandidate(c.Id, StageName, reason));
        }
        return new HealthResult(healthy, excluded, new HealthAudit(settings.MinObservations, candidates.Count, healthy.Count, rows));
    }

    private static string? Problem(CandidateStream c, ReturnAxis axis, HealthSettings settings)
    {
        var raw = c.Raw;
        int bad = 0, first = -1;
        for (var k = 0; k < raw.Length; k++)
        {
            if (double.IsFinite(raw[k])) continue;
            bad++;
            if (first < 0) first = k;
        }
        if (bad > 0)
        {
            var value = raw[first].ToString(CultureInfo.InvariantCulture);
            var date = first < axis.Length ? axis.Dates[first].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : $"period {first}";
            return $"non-finite return ({value}) on {date} and {bad - 1} more period(s): {c.Symbol} has a missing or zero price while the position is held";
        }
        if (c.Observations < settings.MinObservations)
            return $"too few observations: {c.Observations} after warm-up, health.min-observations = {settings.MinObservations}";
        if (c.ActiveBars == 0) return "flat: never held a position in the window (never traded)";
        return null;
    }
}

/// <summary>What strict health kept and excluded, and its audit.</summary>
public sealed record HealthResult(IReadOnlyList<CandidateStream> Healthy, IReadOnlyList<ExcludedCandidate> Excluded, HealthAudit Audit);

/// <summary>The <c>02_health.json</c> audit: the threshold, counts and one row per candidate.</summary>
public sealed record HealthAudit(int MinObservations, int Candidates, int Healthy, IReadOnlyList<HealthRow> Rows);

/// <summary>One candidate's health figures and, when excluded, why.</summary>
public sealed record HealthRow(string Id, int Observations, int ActiveBars, int Trades, bool Healthy, string? Reason);
