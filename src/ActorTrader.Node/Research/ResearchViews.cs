using ActorTrader.Hosting.Management;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Evolution;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Promotion.Pipeline.Paper;

namespace ActorTrader.Node.Research;

/// <summary>
/// The research actors' answers as the management API's DTOs: phases, verdicts and stages by their wire names, numbers
/// that are not finite as null (JSON has no NaN), parameters in name order.
/// </summary>
internal static class ResearchViews
{
    public static ResearchStatusResponse Status(ResearchStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new ResearchStatusResponse(status.Window, status.FollowsWindow, status.WindowOpen, status.NextWindowChange,
            [.. status.Populations.Select(p => new ResearchPopulationView(p.Strategy, p.RunId, Phase(p.Phase), p.Generations, Finite(p.Best), Finite(p.Mean),
                Finite(p.BestEver), p.Evaluations, Finite(p.EvaluationsPerSecond) ?? 0, p.GenerationLimit, p.Regime, p.DataFingerprint, p.Error))]);
    }

    public static ResearchHistoryResponse History(PopulationHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new ResearchHistoryResponse(history.Strategy, history.RunId,
            [.. history.Generations.Select(g => new ResearchGenerationView(g.Generation, Finite(g.Best), Finite(g.Mean), Finite(g.BestEver), Finite(g.MutationRate),
                Finite(g.Diversity), Verdict(g.Verdict), g.Evaluated, g.Evaluations))],
            [.. history.StagnationEvents.Select(e => new ResearchStagnationView(e.Generation, Verdict(e.Verdict), Finite(e.BestEver)))]);
    }

    public static ResearchCandidatesResponse Candidates(CandidateList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new ResearchCandidatesResponse([.. list.Candidates.Select(Candidate)]);
    }

    public static ResearchCandidateView Candidate(CandidateView c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var validation = c.Validation is { } v
            ? new ResearchValidationView(v.OutOfSampleSharpe, v.DeflatedSharpe, v.Trades, v.Observations, v.IncumbentSharpe, v.DieboldMarianoStatistic,
                v.DieboldMarianoPValue, v.PairedTStatistic, v.PairedPValue, v.Passed, [.. v.Reasons], v.Trials)
            : null;
        var parameters = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in c.Parameters) parameters[name] = value;
        return new ResearchCandidateView(c.Id, c.Strategy, Stage(c.Stage), c.RunId, c.Generation, parameters, Finite(c.Fitness), Finite(c.Adjusted), Finite(c.Sharpe),
            validation, c.ProposedAt, c.PaperSince, c.PaperDays, c.PaperDaysRequired, c.PaperCompletedAt, c.LiveSince, Paper(c.Paper), c.Rule);
    }

    /// <summary>The paper record as the API sends it (null before the candidate went to paper).</summary>
    public static ResearchPaperView? Paper(PaperEvidence? paper) => paper is null
        ? null
        : new ResearchPaperView(paper.Nav, Finite(paper.Return), Finite(paper.Sharpe), Finite(paper.MaxDrawdown),
            [.. paper.Days.Select(d => new ResearchPaperDayView(d.Date, d.Nav, Finite(d.Return), d.Orders, d.Fills))],
            [.. paper.Skipped.Select(s => new ResearchPaperSkipView(s.Date, s.Reason))]);

    /// <summary><c>not-started</c>, <c>idle</c>, <c>loading</c>, <c>evolving</c>, <c>completed</c>, <c>failed</c>.</summary>
    public static string Phase(PopulationPhase phase) => phase == PopulationPhase.NotStarted ? "not-started" : phase.ToString().ToLowerInvariant();

    /// <summary><c>none</c>, <c>inject-diversity</c>, <c>restart</c>.</summary>
    public static string Verdict(StagnationVerdict verdict) => verdict switch
    {
        StagnationVerdict.InjectDiversity => "inject-diversity",
        StagnationVerdict.Restart => "restart",
        _ => "none",
    };

    /// <summary><c>candidate</c>, <c>validated</c>, <c>rejected</c>, <c>paper</c>, <c>live</c>.</summary>
    public static string Stage(CandidateStage stage) => stage.ToString().ToLowerInvariant();

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
