using ActorTrader.Trading.Sleeves.Definition;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// Stage 3, natural selection with hierarchical threshold relaxation: level 0's thresholds are applied first; while
/// fewer than <see cref="SelectionSettings.MinCandidates"/> candidates pass, the next (looser) level is tried, until the
/// minimum is met or the levels run out. Every level tried is audited with its thresholds, how many passed and which.
/// When the levels run out, the loosest level's survivors go on (the audit says the minimum was not met); when none
/// survive, the run stops at this stage.
/// </summary>
public static class NaturalSelection
{
    public const string StageName = "selection";

    public static SelectionResult Apply(IReadOnlyList<CandidateStream> candidates, SelectionSettings settings, double periodsPerYear)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Levels.Count == 0) throw new ArgumentException("Selection needs at least one level.", nameof(settings));
        var metrics = candidates.Select(c => CandidateMetrics.Of(c, periodsPerYear)).ToList();
        var levels = new List<SelectionLevelAudit>();
        List<CandidateStream> passed = [];
        var used = -1;
        for (var i = 0; i < settings.Levels.Count; i++)
        {
            var level = settings.Levels[i];
            passed = [.. candidates.Where((_, j) => Passes(metrics[j], level))];
            var met = passed.Count >= settings.MinCandidates;
            levels.Add(new SelectionLevelAudit(i, level.MinSharpe, level.MaxDrawdown, level.MinTrades, level.MinHitRate, passed.Count, met, [.. passed.Select(c => c.Id)]));
            used = i;
            if (met) break;
        }
        var minimumMet = passed.Count >= settings.MinCandidates;
        var selected = passed.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var excluded = candidates.Where(c => !selected.Contains(c.Id))
            .Select(c => new ExcludedCandidate(c.Id, StageName, $"below the thresholds of level {used} (the last level tried)"))
            .ToList();
        var audit = new SelectionAudit(settings.MinCandidates, candidates.Count, used, minimumMet, passed.Count, levels, metrics);
        return new SelectionResult(passed, excluded, audit);
    }

    /// <summary>True when <paramref name="m"/> meets every threshold of <paramref name="level"/> (a NaN Sharpe never does).</summary>
    public static bool Passes(CandidateMetrics m, SelectionLevel level)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(level);
        return m.Sharpe >= level.MinSharpe && m.MaxDrawdown <= level.MaxDrawdown && m.Trades >= level.MinTrades && m.HitRate >= level.MinHitRate;
    }
}

/// <summary>What selection kept, whom it dropped, and its audit.</summary>
public sealed record SelectionResult(IReadOnlyList<CandidateStream> Selected, IReadOnlyList<ExcludedCandidate> Excluded, SelectionAudit Audit);

/// <summary>The <c>03_selection.json</c> audit: the minimum, the level used, every level tried, every candidate's figures.</summary>
public sealed record SelectionAudit(
    int MinCandidates,
    int Candidates,
    int LevelUsed,
    bool MinimumMet,
    int Selected,
    IReadOnlyList<SelectionLevelAudit> Levels,
    IReadOnlyList<CandidateMetrics> Metrics);

/// <summary>One level tried: its thresholds, how many candidates passed, whether that met the minimum, and which passed.</summary>
public sealed record SelectionLevelAudit(
    int Level,
    double MinSharpe,
    double MaxDrawdown,
    int MinTrades,
    double MinHitRate,
    int Passed,
    bool MetMinimum,
    IReadOnlyList<string> PassedIds);
