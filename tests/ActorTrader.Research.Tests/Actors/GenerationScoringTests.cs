using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Evolution;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Randomness;
using ActorTrader.Research.Settings;
using ActorTrader.Research.Synthetic;
using static ActorTrader.Research.Tests.Actors.PopulationFixtures;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>Scoring a generation: the pinned window is enforced, the correlation penalty and novelty applied, stagnation judged.</summary>
public sealed class GenerationScoringTests
{
    private static (PopulationState State, IReadOnlyList<Genome> Genomes, GenerationScoring Scoring, IReadOnlyList<ulong> Rng) Generation(int population = 6)
    {
        var settings = SmallSettings(population);
        var state = Started(settings);
        var rng = ResearchRandom.FromState(state.RandomState);
        var genomes = new GenerationBreeding(PlantedMarket.StrategyName, Space, settings).Breed(state, rng);
        return (state, genomes, new GenerationScoring(settings, Space), rng.State);
    }

    [Fact]
    public void A_result_computed_on_another_window_is_refused_with_the_worst_fitness()
    {
        var (state, genomes, scoring, rng) = Generation();
        var other = Window with { DataFingerprint = "other-data" };
        var results = genomes.Select((g, i) => Result(i + 1.0, i == 0 ? other : null)).ToList();

        var outcome = scoring.Score(state, genomes, results, genomes.Count, [], rng);

        Assert.Equal(FitnessResult.WorstFitness, outcome.Individuals[0].Adjusted);
        Assert.Contains("not on the run's pinned window; refused", outcome.Individuals[0].Reason);
        Assert.Null(outcome.Individuals[1].Reason);
    }

    [Fact]
    public void A_genome_that_repeats_a_promoted_strategys_returns_loses_the_penalty_weight_of_fitness()
    {
        var (state, genomes, scoring, rng) = Generation();
        var returns = Enumerable.Range(0, 30).Select(i => Math.Sin(i) * 0.01).ToArray();
        var results = genomes.Select((g, i) => Result(2.0, returns: i == 0 ? returns : null)).ToList();

        var outcome = scoring.Score(state, genomes, results, genomes.Count, [new PromotedSeries("mean_reversion-0001", "mean_reversion", returns)], rng);

        Assert.Equal(2.0 - ResearchSettings.Default.CorrelationPenalty, outcome.Individuals[0].Adjusted, 12);
        Assert.Equal(ResearchSettings.Default.CorrelationPenalty, outcome.Individuals[0].Penalty, 12);
        Assert.Equal(["mean_reversion-0001"], outcome.PenaltyReference);
    }

    [Fact]
    public void A_promoted_strategy_from_another_window_is_compared_on_the_bars_both_cover_not_by_position()
    {
        var (state, genomes, scoring, rng) = Generation();
        var day = new DateTimeOffset(2020, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var times = Enumerable.Range(0, 5).Select(i => day.AddDays(i)).ToArray();
        double[] returns = [0.01, 0.02, 0.03, 0.04, 0.05];
        // Pinned two bars later: its first three returns fall on the genome's last three bars and repeat them exactly.
        var promoted = new PromotedSeries("mean_reversion-0002", "mean_reversion", [0.03, 0.04, 0.05, 0.01, 0.02], [.. times.Select(t => t.AddDays(2))]);
        var results = genomes.Select(_ => Result(2.0, returns: returns) with { ReturnTimes = times }).ToList();

        var outcome = scoring.Score(state, genomes, results, genomes.Count, [promoted], rng);

        // By position the two series correlate at −0.5 (no penalty); on their common dates they are the same bet.
        Assert.Equal(ResearchSettings.Default.CorrelationPenalty, outcome.Individuals[0].Penalty, 12);
    }

    [Fact]
    public void The_figures_count_only_the_genomes_that_scored()
    {
        var (state, genomes, scoring, rng) = Generation(population: 4);
        var results = new[] { Result(1), Result(3), FitnessResult.Worst(Window, "too few trades"), Result(2) };

        var outcome = scoring.Score(state, genomes, results, 4, [], rng);

        Assert.Equal((3.0, 2.0, 3.0), (outcome.Best, outcome.Mean, outcome.BestEver));
        Assert.Equal(4, outcome.Evaluations);
        Assert.Equal(FitnessResult.WorstFitness, outcome.Individuals[2].Score);
    }

    [Fact]
    public void Stagnation_injects_diversity_at_the_maximum_mutation_rate_then_restarts_at_the_initial_rate()
    {
        var settings = SmallSettings();
        var state = Started(settings);

        var outcomes = Enumerable.Range(0, 5).Select(_ => Step(state, settings, _ => 1.0)).ToList();

        Assert.Equal([StagnationVerdict.None, StagnationVerdict.None, StagnationVerdict.InjectDiversity, StagnationVerdict.None, StagnationVerdict.Restart],
            outcomes.Select(o => o.Verdict));
        Assert.Equal(settings.Breeding.MutationRateMax, outcomes[2].MutationRate);
        Assert.Equal(settings.Breeding.MutationRateInitial, outcomes[4].MutationRate);
    }

    [Fact]
    public void The_next_mutation_rate_is_the_adaptive_rate_of_this_generations_progress_and_diversity()
    {
        var settings = SmallSettings();
        var state = Started(settings);

        var improving = Step(state, settings, g => g.Parameters["hold_bars"]);
        var flat = Step(state, settings, _ => -100);

        var breeding = settings.Breeding;
        Assert.Equal(AdaptiveMutation.NextRate(breeding.MutationRateInitial, improving.Diversity, improved: true, breeding), improving.MutationRate, 15);
        Assert.Equal(AdaptiveMutation.NextRate(improving.MutationRate, flat.Diversity, improved: false, breeding), flat.MutationRate, 15);
        Assert.True(flat.MutationRate > improving.MutationRate);
    }

    [Fact]
    public void The_elite_archive_keeps_the_best_distinct_genomes_of_the_whole_run()
    {
        var settings = SmallSettings();
        var state = Started(settings);
        var first = Step(state, settings, g => g.Parameters["hold_bars"]);

        var second = Step(state, settings, _ => -5);

        Assert.Equal(first.Elites.Select(GenerationBreeding.Text).Take(3), second.Elites.Select(GenerationBreeding.Text).Take(3));
        Assert.Equal(first.BestEver, second.BestEver);
    }

    [Fact]
    public void Applying_a_generation_adds_the_most_novel_behaviours_to_the_archive_and_rewards_the_bandit()
    {
        var settings = SmallSettings();
        var state = Started(settings);

        var outcome = Step(state, settings, g => g.Parameters["hold_bars"]);

        var distinct = outcome.Individuals.Select(GenerationBreeding.Text).Distinct().Count();
        Assert.Equal(Math.Min(settings.Novelty.AddsPerGeneration, outcome.Individuals.Count), state.Novelty.Count);
        Assert.Equal(distinct, state.Bandit.CellsOf("low-vol").Sum(c => c.Count));
    }
}
