using ActorTrader.Cli.Research;
using ActorTrader.Hosting.Management;

namespace ActorTrader.Cli.Tests.Research;

/// <summary>A research node's candidate, as the management API sends it, keeps its rule, trials and paper record in the CLI.</summary>
public sealed class ResearchWireTests
{
    private static readonly DateTimeOffset Proposed = new(2026, 1, 6, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_discovered_rule_candidate_keeps_its_rule_the_trials_it_was_deflated_for_and_its_paper_days()
    {
        var validation = new ResearchValidationView(1.2, 0.9, 40, 250, 0.4, 2.1, 0.03, 2.0, 0.04, true, [], Trials: 1200);
        var paper = new ResearchPaperView(100250m, 0.0025, 1.1, 0.01, [new ResearchPaperDayView(new DateOnly(2026, 1, 7), 100250m, 0.0025, 3, 3)],
            [new ResearchPaperSkipView(new DateOnly(2026, 1, 8), "no bar for 2026-01-08")]);
        var sent = new ResearchCandidateView("c-1", "discovery", "paper", "run-1", 4, new Dictionary<string, double>(), 1.5, 1.4, 1.3, validation, Proposed,
            Proposed.AddDays(1), 1, 20, null, null, paper, Rule: "entry: gt(close, sma(50)); exit: lt(close, sma(50))");

        var candidate = ResearchWire.Candidate(sent);

        Assert.Equal("entry: gt(close, sma(50)); exit: lt(close, sma(50))", candidate.Rule);
        Assert.Equal(1200, candidate.Validation!.Trials);
        Assert.Equal(100250m, candidate.Paper!.Nav);
        Assert.Equal(new DateOnly(2026, 1, 7), Assert.Single(candidate.Paper.Days).Date);
        Assert.Equal("no bar for 2026-01-08", Assert.Single(candidate.Paper.Skipped).Reason);
    }
}
