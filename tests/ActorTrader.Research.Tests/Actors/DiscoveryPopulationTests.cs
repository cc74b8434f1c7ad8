using ActorTrader.Actors;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Discovery;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Promotion.Pipeline;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>
/// The discovery population under the supervisor: configured by <c>discovery.enabled</c>, listed, started, reported and
/// proposing candidates as the population named <c>discovery</c>.
/// </summary>
public sealed class DiscoveryPopulationTests : ResearchTestKit
{
    [Fact]
    public async Task With_discovery_enabled_the_status_lists_the_discovery_population_beside_the_strategies()
    {
        var settings = Small() with { Discovery = DiscoverySettingsFor.Run().Discovery };
        var supervisor = StartSupervisor(settings, Services());

        var status = await Query<ResearchStatus>(supervisor, GetResearchStatus.Instance);

        Assert.Equal([RuleStrategy.DiscoveryName, Breakout], status.Populations.Select(p => p.Strategy));
        Assert.All(status.Populations, p => Assert.Equal(PopulationPhase.NotStarted, p.Phase));
    }

    [Fact]
    public async Task Starting_discovery_while_it_is_off_is_refused_naming_the_setting_that_turns_it_on()
    {
        var supervisor = StartSupervisor(Small(), Services());

        var refused = await Query<ResearchRefused>(supervisor, new StartResearch([RuleStrategy.DiscoveryName]));
        var history = await Query<ResearchRefused>(supervisor, new GetResearchHistory(RuleStrategy.DiscoveryName));

        Assert.True(refused.UnknownStrategy);
        Assert.Contains("actortrader.research.discovery.enabled = on", refused.Reason);
        Assert.Contains("actortrader.research.discovery.enabled = on", history.Reason);
    }

    [Fact]
    public async Task The_history_of_the_discovery_population_shows_each_generation_of_its_run()
    {
        var supervisor = StartSupervisor(DiscoverySettingsFor.Run(generations: 3), Services());

        var status = Assert.Single((await RunToIdle(supervisor)).Populations);
        var history = await HistoryOf(supervisor, RuleStrategy.DiscoveryName);

        Assert.Equal((RuleStrategy.DiscoveryName, PopulationPhase.Completed, 3), (status.Strategy, status.Phase, status.Generations));
        Assert.Equal(status.RunId, history.RunId);
        Assert.Equal([0, 1, 2], history.Generations.Select(g => g.Generation));
        Assert.True(status.Evaluations > 0);
    }

    [Fact]
    public async Task A_good_rule_becomes_a_promotion_candidate_carrying_its_rule_text()
    {
        var supervisor = StartSupervisor(DiscoverySettingsFor.Run(generations: 2, candidateMinFitness: 1.0), Services());
        var status = Assert.Single((await RunToIdle(supervisor)).Populations);
        var best = (await OutcomesAsync(RuleStrategy.DiscoveryName, status.RunId!))[^1].Elites[0];
        var id = CandidateIds.Of(Genome.ForRule(RuleStrategy.DiscoveryName, TradingRule.Parse(best.Rule!)));

        var candidate = await AwaitCandidate(supervisor, id);

        Assert.Equal(RuleStrategy.DiscoveryName, candidate.Strategy);
        Assert.Equal(best.Rule, candidate.Rule);
        Assert.Empty(candidate.Parameters);
        Assert.Equal(best.Adjusted, candidate.Adjusted);
        Assert.NotNull(candidate.Validation);
        Assert.Contains(candidate.Stage, new[] { CandidateStage.Validated, CandidateStage.Rejected });
    }

    [Fact]
    public async Task A_discovery_population_recovered_from_its_journal_and_snapshot_has_the_history_it_had()
    {
        var settings = DiscoverySettingsFor.Run(generations: 3, snapshotEvery: 2);
        var first = StartSupervisor(settings, Services());
        await RunToIdle(first);
        var before = await HistoryOf(first, RuleStrategy.DiscoveryName);
        Watch(first);
        Sys.Stop(first);
        await ExpectTerminatedAsync(first);

        var again = StartSupervisor(settings, Services());
        var after = await HistoryOf(again, RuleStrategy.DiscoveryName);

        Assert.Equal(before.RunId, after.RunId);
        Assert.Equal(before.Generations, after.Generations);
    }

    private async Task<CandidateView> AwaitCandidate(IActorRef supervisor, string id)
    {
        // Proposals are prepared off the population (out-of-sample backtests) and reach the pipeline shortly after the run.
        CandidateView? found = null;
        await AwaitConditionAsync(() =>
        {
            found = Query<CandidateList>(supervisor, GetCandidates.Instance).GetAwaiter().GetResult().Candidates.FirstOrDefault(c => c.Id == id);
            return found is not null;
        }, RunTimeout, message: $"candidate {id} was not proposed");
        return found!;
    }
}
