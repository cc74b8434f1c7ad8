using System.Text.Json;
using System.Text.Json.Nodes;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Bandit;
using ActorTrader.Research.Discovery;
using ActorTrader.Research.Evolution;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Randomness;
using ActorTrader.Research.Settings;
using static ActorTrader.Research.Tests.Actors.PopulationFixtures;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>
/// A generation of the discovery population, bred, scored and journaled by the same steps as a strategy's: rules as
/// genomes, the same stagnation handling, and rule text that survives the journal.
/// </summary>
public sealed class RuleGenerationTests
{
    private static readonly EventSerializer Serializer = ResearchEvents.Register(new EventSerializer());

    private static ResearchSettings Settings(int population = 8) =>
        SmallSettings(population) with { Discovery = DiscoverySettings.Default with { Enabled = true, PopulationSize = population } };

    private static IPopulationBreeder Breeder(ResearchSettings settings) => GenerationBreeding.BreederFor(RuleStrategy.Discovery, settings.ForDiscovery());

    private static PopulationState Started(ResearchSettings settings, ulong seed = 7)
    {
        var state = new PopulationState(settings.ForDiscovery(), Breeder(settings));
        state.Apply(new PopulationStarted(RuleStrategy.DiscoveryName, "run-1", seed, Window, "low-vol", new ResearchRandom(seed).State,
            settings.Breeding.MutationRateInitial, new BanditState([]), DateTimeOffset.UnixEpoch));
        return state;
    }

    private static (GenerationOutcome Outcome, IReadOnlyList<Genome> Genomes) Step(PopulationState state, ResearchSettings settings, Func<Genome, double> fitness)
    {
        var rng = ResearchRandom.FromState(state.RandomState);
        var breeder = Breeder(settings);
        var genomes = new GenerationBreeding(breeder, settings.ForDiscovery()).Breed(state, rng);
        var outcome = new GenerationScoring(settings.ForDiscovery(), breeder).Score(state, genomes, [.. genomes.Select(g => Result(fitness(g)))], genomes.Count, [], rng.State);
        state.Apply(new GenerationCompleted(outcome, 0.1, DateTimeOffset.UnixEpoch));
        return (outcome, genomes);
    }

    private static double BySize(Genome genome) => genome.Rule!.Entry.Size + genome.Rule.Exit.Size;

    [Fact]
    public void The_first_generation_is_a_full_population_of_rules_stored_as_their_text()
    {
        var settings = Settings(population: 10);
        var state = Started(settings);

        var (outcome, genomes) = Step(state, settings, BySize);

        Assert.Equal(10, genomes.Count);
        Assert.All(genomes, g => Assert.NotNull(g.Rule));
        Assert.Equal(genomes.Select(g => g.Rule!.ToString()), outcome.Individuals.Select(i => i.Rule));
        Assert.All(outcome.Individuals, i => Assert.Empty(i.Parameters));
    }

    [Fact]
    public void The_best_distinct_rules_by_penalised_fitness_lead_the_next_generation()
    {
        var settings = Settings();
        var state = Started(settings);
        var (outcome, _) = Step(state, settings, BySize);

        var next = new GenerationBreeding(Breeder(settings), settings.ForDiscovery()).Breed(state, ResearchRandom.FromState(state.RandomState));

        var elites = GenerationBreeding.TopDistinct(outcome.Individuals, settings.Breeding.EliteCount);
        Assert.Equal(elites.Select(i => i.Rule), next.Take(elites.Count).Select(g => g.Rule!.ToString()));
    }

    [Fact]
    public void A_stagnating_rule_population_gets_immigrants_and_the_highest_mutation_rate_then_restarts_keeping_its_elite_rules()
    {
        var settings = Settings();
        var state = Started(settings);
        // A flat fitness never improves: with K = 2 generation 2 injects diversity and generation 4 restarts.
        var verdicts = new List<GenerationOutcome>();
        do verdicts.Add(Step(state, settings, _ => 1.0).Outcome);
        while (verdicts[^1].Verdict != StagnationVerdict.Restart);
        var injected = Assert.Single(verdicts, o => o.Verdict == StagnationVerdict.InjectDiversity);

        var next = new GenerationBreeding(Breeder(settings), settings.ForDiscovery()).Breed(state, ResearchRandom.FromState(state.RandomState));

        Assert.Equal((2, 4), (injected.Generation, verdicts[^1].Generation));
        Assert.Equal(settings.Breeding.MutationRateMax, injected.MutationRate);
        var kept = GenerationBreeding.TopDistinct(verdicts[^1].Elites, settings.Breeding.EliteCount);
        Assert.Equal(kept.Select(i => i.Rule), next.Take(kept.Count).Select(g => g.Rule!.ToString()));
        Assert.Equal(8, next.Count);
        Assert.All(next, g => Assert.NotNull(g.Rule));
    }

    [Fact]
    public void A_generation_of_rules_round_trips_through_the_journal_and_restores_the_same_genomes()
    {
        var settings = Settings();
        var state = Started(settings);
        var (outcome, genomes) = Step(state, settings, BySize);
        var completed = new GenerationCompleted(outcome, 0.25, DateTimeOffset.UnixEpoch);

        var payload = Serializer.Serialize(completed, "research-population-discovery-run-1", 2);
        var back = (GenerationCompleted)Serializer.Deserialize(payload.Manifest, payload.Bytes, "research-population-discovery-run-1", 2);

        Assert.Equal(JsonSerializer.Serialize(outcome), JsonSerializer.Serialize(back.Outcome));
        Assert.Equal(genomes, back.Outcome.Individuals.Select(state.GenomeOf));
    }

    [Fact]
    public void The_rules_a_restart_keeps_round_trip_through_the_journal()
    {
        var stagnated = new PopulationStagnated(4, StagnationVerdict.Restart, 1.5, 1, 0, 0.1, [new Dictionary<string, double>()], DateTimeOffset.UnixEpoch,
            ["entry: gt(close, sma(20)); exit: lt(rsi(14), 30)"]);

        var payload = Serializer.Serialize(stagnated, "research-population-discovery-run-1", 9);
        var back = (PopulationStagnated)Serializer.Deserialize(payload.Manifest, payload.Bytes, "research-population-discovery-run-1", 9);

        Assert.Equal(stagnated.KeptRules, back.KeptRules);
    }

    [Fact]
    public void A_generation_journaled_before_rules_existed_reads_back_with_no_rules()
    {
        var settings = SmallSettings();
        var outcome = PopulationFixtures.Step(PopulationFixtures.Started(settings), settings, g => g.Parameters["hold_bars"]);
        var payload = Serializer.Serialize(new GenerationCompleted(outcome, 0.1, DateTimeOffset.UnixEpoch), "old", 2);
        var json = JsonNode.Parse(payload.Bytes)!;
        var written = json["data"]!["Outcome"]!;
        foreach (var individual in written["Individuals"]!.AsArray().Concat(written["Elites"]!.AsArray())) Assert.True(individual!.AsObject().Remove("Rule"));

        var back = (GenerationCompleted)Serializer.Deserialize(payload.Manifest, JsonSerializer.SerializeToUtf8Bytes(json), "old", 2);

        Assert.All(back.Outcome.Individuals, i => Assert.Null(i.Rule));
        Assert.Equal(outcome.Individuals.Select(GenerationBreeding.Text), back.Outcome.Individuals.Select(GenerationBreeding.Text));
    }
}
