using ActorTrader.Hosting.Management;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Evolution;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Promotion.Pipeline.Paper;

namespace ActorTrader.Cli.Research;

/// <summary>
/// A research node's answers (the management API's DTOs) as the research actors' own records, so a command prints the same
/// text and JSON whether a node or this process ran the research. A number the node sent as null (not finite) is NaN here.
/// </summary>
internal static class ResearchWire
{
    public static ResearchStatus Status(ResearchStatusResponse status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new ResearchStatus([.. status.Populations.Select(p => new PopulationStatus(p.Strategy, p.RunId, Phase(p.Phase), p.Generation, p.Best, p.Mean, p.BestOfRun,
            p.Evaluations, p.EvaluationsPerSecond, p.GenerationLimit, p.Regime, p.DataFingerprint, p.Error))], status.Window, status.FollowsWindow, status.WindowOpen,
            status.NextWindowChange);
    }

    public static PopulationHistory History(ResearchHistoryResponse history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new PopulationHistory(history.Strategy, history.RunId,
            [.. history.Generations.Select(g => new GenerationSummary(g.Generation, N(g.Best), N(g.Mean), N(g.BestOfRun), N(g.MutationRate), N(g.Diversity),
                Verdict(g.Stagnation), g.Evaluated, g.Evaluations))],
            [.. history.StagnationEvents.Select(e => new StagnationEvent(e.Generation, Verdict(e.Event), N(e.BestOfRun)))]);
    }

    public static CandidateList Candidates(ResearchCandidatesResponse list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new CandidateList([.. list.Candidates.Select(Candidate)]);
    }

    public static PromotionResult Promotion(ResearchPromotionResponse result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new PromotionResult(result.Accepted, result.Message, result.Candidate is { } c ? Candidate(c) : null);
    }

    public static CandidateView Candidate(ResearchCandidateView c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var validation = c.Validation is { } v
            ? new ValidationRecord(v.OutOfSampleSharpe, v.DeflatedSharpe, v.Trades, v.Observations, v.IncumbentSharpe, v.DieboldMarianoStatistic, v.DieboldMarianoPValue,
                v.PairedTStatistic, v.PairedPValue, v.Passed, [.. v.Reasons], v.Trials)
            : null;
        return new CandidateView(c.Id, c.Strategy, Stage(c.Stage), c.RunId, c.Generation, new SortedDictionary<string, double>(c.Parameters.ToDictionary(), StringComparer.Ordinal),
            N(c.Fitness), N(c.Adjusted), N(c.Sharpe), validation, c.ProposedAt, c.PaperSince, c.PaperDays, c.PaperDaysRequired, c.PaperCompletedAt, c.LiveSince)
        {
            Paper = c.Paper is { } p
                ? new PaperEvidence([.. p.Days.Select(d => new PaperDaySummary(d.Date, d.Nav, N(d.Return), d.Orders, d.Fills))],
                    [.. p.Skipped.Select(s => new PaperSkip(s.Date, s.Reason))], p.Nav, N(p.Return), p.Sharpe, N(p.MaxDrawdown))
                : null,
            Rule = c.Rule,
        };
    }

    private static PopulationPhase Phase(string phase) => phase switch
    {
        "not-started" => PopulationPhase.NotStarted,
        "idle" => PopulationPhase.Idle,
        "loading" => PopulationPhase.Loading,
        "evolving" => PopulationPhase.Evolving,
        "completed" => PopulationPhase.Completed,
        "failed" => PopulationPhase.Failed,
        _ => throw Unknown("phase", phase),
    };

    private static StagnationVerdict Verdict(string verdict) => verdict switch
    {
        "none" => StagnationVerdict.None,
        "inject-diversity" => StagnationVerdict.InjectDiversity,
        "restart" => StagnationVerdict.Restart,
        _ => throw Unknown("stagnation verdict", verdict),
    };

    private static CandidateStage Stage(string stage) => stage switch
    {
        "candidate" => CandidateStage.Candidate,
        "validated" => CandidateStage.Validated,
        "rejected" => CandidateStage.Rejected,
        "paper" => CandidateStage.Paper,
        "live" => CandidateStage.Live,
        _ => throw Unknown("candidate stage", stage),
    };

    private static double N(double? value) => value ?? double.NaN;

    private static CliException Unknown(string what, string value) =>
        new(ExitCodes.NodeError, $"The node answered a {what} \"{value}\" this actortrader does not know. Fix: use the actortrader of the node's version.");
}
