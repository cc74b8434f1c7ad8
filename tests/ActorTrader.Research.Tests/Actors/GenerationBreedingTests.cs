using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Bandit;
using ActorTrader.Research.Evolution;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Randomness;
using ActorTrader.Research.Synthetic;
using static ActorTrader.Research.Tests.Actors.PopulationFixtures;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>Breeding from a population's journaled state: reproducible, elites first, restarts keep the archive's elites.</summary>
public sealed class GenerationBreedingTests
{
    private static double ByHold(Genome genome) => genome.Parameters["hold_bars"];

    [Fact]
    public void The_same_state_and_generator_state_breed_the_same_genomes()
    {
        var settings = SmallSettings();
        var a = Started(settings);
        var b = Started(settings);
        Step(a, settings, ByHold);
        Step(b, settings, ByHold);

        var breeding = new GenerationBreeding(PlantedMarket.StrategyName, Space, settings);
        var first = breeding.Breed(a, ResearchRandom.FromState(a.RandomState));
        var second = breeding.Breed(b, ResearchRandom.FromState(b.RandomState));

        Assert.Equal(first.Select(g => g.Key), second.Select(g => g.Key));
    }

    [Fact]
    public void The_first_generation_is_a_full_population_inside_the_ranges()
    {
        var settings = SmallSettings(population: 9);
        var state = Started(settings);

        var genomes = new GenerationBreeding(PlantedMarket.StrategyName, Space, settings).Breed(state, ResearchRandom.FromState(state.RandomState));

        Assert.Equal(9, genomes.Count);
        Assert.All(genomes, g => Assert.Empty(Space.Problems(g.Parameters)));
    }

    [Fact]
    public void The_best_distinct_genomes_by_penalised_fitness_lead_the_next_generation()
    {
        var settings = SmallSettings();
        var state = Started(settings);
        var outcome = Step(state, settings, ByHold);

        var next = new GenerationBreeding(PlantedMarket.StrategyName, Space, settings).Breed(state, ResearchRandom.FromState(state.RandomState));

        var elites = GenerationBreeding.TopDistinct(outcome.Individuals, settings.Breeding.EliteCount);
        Assert.Equal(elites.Select(GenerationBreeding.Text), next.Take(elites.Count).Select(g => g.Parameters.ToString()));
    }

    [Fact]
    public void Parents_are_selected_on_the_novelty_blended_score_not_on_fitness_alone()
    {
        // Strong selection, no crossover, no mutation, no elites: every child is a copy of the parent with the best score.
        var settings = SmallSettings() with
        {
            Breeding = SmallSettings().Breeding with { EliteCount = 0, TournamentSize = 64, CrossoverProbability = 0, MutationRateMin = 0 },
        };
        var state = Started(settings);
        var first = Step(state, settings, ByHold);
        var individuals = first.Individuals.DistinctBy(GenerationBreeding.Text).ToList();
        // The fittest individual is the least novel and the least fit the most novel: the blended score favours the latter.
        var ranked = individuals.Select((individual, i) => individual with { Adjusted = i, Fitness = i, Novelty = individuals.Count - i, Score = individuals.Count - i }).ToList();
        var scored = Started(settings);
        scored.Apply(new GenerationCompleted(first with { Individuals = ranked, Elites = ranked, MutationRate = 0 }, 0.1, DateTimeOffset.UnixEpoch));

        var next = new GenerationBreeding(PlantedMarket.StrategyName, Space, settings).Breed(scored, ResearchRandom.FromState(scored.RandomState));

        Assert.All(next, g => Assert.Equal(GenerationBreeding.Text(ranked[0]), g.Parameters.ToString()));
    }

    [Fact]
    public void With_the_whole_bandit_share_and_no_exploration_seeded_genomes_come_from_the_rewarded_region()
    {
        var settings = SmallSettings() with { BanditShare = 1, Bandit = SmallSettings().Bandit with { ExploreShare = 0 } };
        var bandit = new ParameterBandit(Space, settings.Bandit);
        bandit.Record("low-vol", PlantedMarket.PlantedParameters, 4.0);
        var state = new PopulationState(PlantedMarket.StrategyName, settings, Space);
        state.Apply(new PopulationStarted(PlantedMarket.StrategyName, "run-1", 7, Window, "low-vol", new ResearchRandom(7).State,
            settings.Breeding.MutationRateInitial, bandit.State, DateTimeOffset.UnixEpoch));

        var genomes = new GenerationBreeding(PlantedMarket.StrategyName, Space, settings).Breed(state, ResearchRandom.FromState(state.RandomState));

        var region = bandit.RegionOf(PlantedMarket.PlantedParameters);
        Assert.All(genomes, g => Assert.Equal(region, bandit.RegionOf(g.Parameters)));
    }

    [Fact]
    public void After_a_restart_the_population_keeps_the_archives_elites_and_draws_the_rest_afresh()
    {
        var settings = SmallSettings();
        var state = Started(settings);
        // A flat fitness never improves: with K = 2 the fourth generation (index 4) restarts.
        GenerationOutcome outcome;
        do outcome = Step(state, settings, _ => 1.0);
        while (outcome.Verdict != StagnationVerdict.Restart);

        var next = new GenerationBreeding(PlantedMarket.StrategyName, Space, settings).Breed(state, ResearchRandom.FromState(state.RandomState));

        Assert.Equal(4, outcome.Generation);
        var kept = GenerationBreeding.TopDistinct(outcome.Elites, settings.Breeding.EliteCount);
        Assert.Equal(kept.Select(GenerationBreeding.Text), next.Take(kept.Count).Select(g => g.Parameters.ToString()));
        Assert.Equal(settings.PopulationSize, next.Count);
    }
}
