using ActorTrader.Persistence.Serialization;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Promotion.Pipeline.Paper;

namespace ActorTrader.Research.Tests.Promotion.Pipeline.Paper;

/// <summary>The paper record's figures, the checks on them before live, and the journaled form of a paper day.</summary>
public sealed class PaperEvidenceTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 21, 0, 0, TimeSpan.Zero);

    private static PaperDayRecorded Day(int day, decimal nav, double dayReturn) =>
        new("c", new DateOnly(2026, 1, day), At.AddDays(day - 5), nav, dayReturn, nav, [], [], At.AddDays(day - 5));

    [Fact]
    public void The_record_compounds_the_return_from_the_first_nav_and_measures_the_drawdown_from_the_peak()
    {
        var evidence = PaperEvidence.From([Day(5, 100_000m, 0), Day(6, 110_000m, 0.1), Day(7, 99_000m, -0.1), Day(8, 104_500m, 0.055555555555555552)], []);

        Assert.Equal(104_500m, evidence.Nav);
        Assert.Equal(0.045, evidence.Return, 12);
        Assert.Equal(0.1, evidence.MaxDrawdown, 12);
        Assert.NotNull(evidence.Sharpe);
    }

    [Fact]
    public void A_record_of_one_day_has_no_sharpe()
    {
        var evidence = PaperEvidence.From([Day(5, 100_000m, 0)], []);

        Assert.Null(evidence.Sharpe);
        Assert.Equal(0, evidence.Return);
    }

    [Fact]
    public void The_default_checks_let_any_record_through()
    {
        var evidence = PaperEvidence.From([Day(5, 100_000m, 0), Day(6, 1_000m, -0.99)], []);

        Assert.Null(PaperChecks.Refusal("c", evidence, PaperTrialSettings.Default));
    }

    [Fact]
    public void Every_failing_check_is_named_with_its_figure_and_limit()
    {
        var evidence = PaperEvidence.From([Day(5, 100_000m, 0), Day(6, 80_000m, -0.2)], []);

        var refusal = PaperChecks.Refusal("c", evidence, PaperTrialSettings.Default with { MaxDrawdown = 0.1, MinReturn = 0 });

        Assert.Contains("paper-max-drawdown: its maximum drawdown on paper is 20.00%, above the 10.00% allowed", refusal);
        Assert.Contains("paper-min-return: its return on paper is -20.00%, below the 0.00% required", refusal);
    }

    [Fact]
    public void A_paper_day_round_trips_through_the_research_journal_under_its_manifest()
    {
        var serializer = ResearchEvents.Register(new EventSerializer());
        var day = Day(6, 100_123.45m, 0.0012345) with
        {
            Orders = [new PaperOrderRecord("20260106-NYSE-AAA", "NYSE:AAA", "buy", 12, "new")],
            Fills = [new PaperFillRecord("paper-fill-1", "20260105-NYSE-AAA", "NYSE:AAA", "buy", 10, 50.025m, 0.05m, At)],
        };

        var stored = serializer.Serialize(day, "research-promotion", 7);
        var back = (PaperDayRecorded)serializer.Deserialize(stored.Manifest, stored.Bytes, "research-promotion", 7);

        Assert.Equal("research-candidate-paper-day-recorded", serializer.ManifestOf(typeof(PaperDayRecorded)));
        Assert.Equal("research-candidate-paper-day-skipped", serializer.ManifestOf(typeof(PaperDaySkipped)));
        Assert.Equal((day.Id, day.Date, day.Nav, day.Return, day.Close), (back.Id, back.Date, back.Nav, back.Return, back.Close));
        Assert.Equal(day.Orders, back.Orders);
        Assert.Equal(day.Fills, back.Fills);
    }
}
