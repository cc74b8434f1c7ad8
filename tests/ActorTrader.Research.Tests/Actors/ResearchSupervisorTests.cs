using ActorTrader.Actors;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>The supervisor's requests: names checked with a suggestion, an operator's stop journaled, histories forwarded.</summary>
public sealed class ResearchSupervisorTests : ResearchTestKit
{
    [Fact]
    public async Task Starting_an_unknown_strategy_is_refused_with_the_closest_name()
    {
        var supervisor = StartSupervisor(Small(), Services());

        var refused = await Query<ResearchRefused>(supervisor, new StartResearch(["relative_volume_breakot"]));

        Assert.True(refused.UnknownStrategy);
        Assert.Contains("did you mean relative_volume_breakout?", refused.Reason);
    }

    [Fact]
    public async Task The_history_of_an_unknown_strategy_is_refused_and_that_of_a_strategy_without_a_run_is_empty()
    {
        var supervisor = StartSupervisor(Small(), Services());

        var refused = await Query<ResearchRefused>(supervisor, new GetResearchHistory("mean_revers"));
        var empty = await Query<PopulationHistory>(supervisor, new GetResearchHistory("mean_reversion"));

        Assert.Contains("did you mean mean_reversion?", refused.Reason);
        Assert.Null(empty.RunId);
        Assert.Empty(empty.Generations);
    }

    [Fact]
    public async Task A_strategy_an_operator_stopped_is_not_started_by_the_open_window_after_a_restart()
    {
        var settings = Small();
        var first = StartSupervisor(settings, Services());
        var stopped = await Query<ResearchStopReport>(first, new StopResearch(null, "operator"));
        Watch(first);
        Sys.Stop(first);
        await ExpectTerminatedAsync(first);

        // The window is always open: a supervisor that follows it starts every strategy nobody stopped.
        var following = StartSupervisor(settings, Services() with { FollowWindow = true });
        var status = await Query<ResearchStatus>(following, GetResearchStatus.Instance);

        Assert.Equal([Breakout], stopped.Stopped);
        Assert.True(status.WindowOpen);
        Assert.Equal(PopulationPhase.NotStarted, Assert.Single(status.Populations).Phase);
    }

    [Fact]
    public async Task The_status_lists_every_configured_strategy_before_any_run()
    {
        var supervisor = StartSupervisor(Small() with { Strategies = [Breakout, "mean_reversion"] }, Services());

        var status = await Query<ResearchStatus>(supervisor, GetResearchStatus.Instance);

        Assert.Equal(["mean_reversion", Breakout], status.Populations.Select(p => p.Strategy));
        Assert.All(status.Populations, p => Assert.Equal(PopulationPhase.NotStarted, p.Phase));
        Assert.False(status.FollowsWindow);
    }

    [Fact]
    public async Task Generations_asked_for_are_run_on_top_of_those_done()
    {
        var supervisor = StartSupervisor(Small(population: 6, generations: 0), Services());

        await RunToIdle(supervisor, new StartResearch(Generations: 1));
        var status = Assert.Single((await RunToIdle(supervisor, new StartResearch(Generations: 2))).Populations);

        Assert.Equal(3, status.Generations);
        Assert.Equal(PopulationPhase.Idle, status.Phase);
        Assert.Null(status.GenerationLimit);
    }
}
