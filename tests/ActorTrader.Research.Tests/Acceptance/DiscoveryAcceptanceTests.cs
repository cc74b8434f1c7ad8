using System.Globalization;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Discovery;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Promotion.Statistics;
using ActorTrader.Research.Settings;
using ActorTrader.Research.Synthetic;
using ActorTrader.Research.Tests.Actors;
using Xunit.Abstractions;

namespace ActorTrader.Research.Tests.Acceptance;

/// <summary>
/// Acceptance of the second level of evolution: the discovery population, run by the supervisor beside (here: instead of)
/// the strategies' populations, evolves rules on the planted market until it holds a profitable one.
/// </summary>
public sealed class DiscoveryAcceptanceTests(ITestOutputHelper output) : ResearchTestKit
{
    [Fact]
    public async Task The_discovery_population_improves_its_best_fitness_and_finds_a_rule_that_is_profitable_in_and_out_of_sample()
    {
        var settings = DiscoverySettingsFor.Run(generations: 8);
        var supervisor = StartSupervisor(settings, Services());

        var status = await RunToIdle(supervisor);
        var population = Assert.Single(status.Populations);
        var outcomes = await OutcomesAsync(RuleStrategy.DiscoveryName, population.RunId!);

        var market = PlantedMarket.Create();
        var best = outcomes[^1].Elites[0];
        var rule = TradingRule.Parse(best.Rule!);
        var outOfSample = OutOfSampleBacktest.Run(RuleStrategy.Discovery, market.Panel, market.Window, Genome.ForRule(RuleStrategy.DiscoveryName, rule));
        foreach (var o in outcomes) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generation {o.Generation}: best {o.Best:0.###}, mean {o.Mean:0.###}, best of run {o.BestEver:0.###}, diversity {o.Diversity:0.###}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best rule (fitness {best.Adjusted:0.###}, Sharpe {best.Sharpe:0.###}, {best.Trades} trades; out of sample Sharpe {outOfSample.Sharpe:0.###}, {outOfSample.Trades} trades): {best.Rule}"));

        Assert.Equal(PopulationPhase.Completed, population.Phase);
        Assert.Equal(RuleStrategy.DiscoveryName, population.Strategy);
        Assert.True(outcomes[^1].BestEver > outcomes[0].Best, $"best fitness {outcomes[^1].BestEver} after {outcomes.Count} generations is not above generation 0's {outcomes[0].Best}");
        Assert.True(best.Adjusted > 0.5, $"the best rule's fitness {best.Adjusted} is not clearly profitable");
        Assert.True(outOfSample.Returns.Sum() > 0, $"the best rule loses out of sample ({outOfSample.Returns.Sum()})");
    }
}
