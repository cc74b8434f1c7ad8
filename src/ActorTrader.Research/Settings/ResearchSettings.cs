using ActorTrader.Hocon;
using ActorTrader.Research.Bandit;
using ActorTrader.Research.Discovery;
using ActorTrader.Research.Evolution;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Novelty;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Scheduling;
using ActorTrader.Strategies.Catalog;

namespace ActorTrader.Research.Settings;

/// <summary>
/// Everything the research actors read from <c>actortrader.research</c> (hocon/reference.conf documents each key).
/// The defaults here are those of reference.conf.
/// </summary>
public sealed record ResearchSettings
{
    public const string Section = "actortrader.research";

    public static ResearchSettings Default { get; } = new();

    /// <summary>Strategies evolved, one population each (names from <see cref="StrategyCatalog"/>).</summary>
    public IReadOnlyList<string> Strategies { get; init; } = ["relative_volume_breakout", "mean_reversion"];

    /// <summary>Seed of the runs; each population mixes in its strategy name (<see cref="SeedFor"/>).</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Generations of one run; 0 = no limit.</summary>
    public int Generations { get; init; } = 50;

    /// <summary>Evaluations run at once by the local backend.</summary>
    public int Parallelism { get; init; } = 2;

    /// <summary>A population snapshot every this many generations.</summary>
    public int SnapshotEvery { get; init; } = 10;

    /// <summary>Share of the population replaced by random immigrants when diversity is injected.</summary>
    public double ImmigrantShare { get; init; } = 0.3;

    /// <summary>Best distinct genomes (by penalised fitness) kept over the whole run; a restart keeps the elite count of them.</summary>
    public int EliteArchive { get; init; } = 10;

    /// <summary>Fitness lost per unit of the largest positive correlation with a promoted strategy's returns.</summary>
    public double CorrelationPenalty { get; init; } = 0.5;

    /// <summary>Share of initial genomes and immigrants sampled through the parameter bandit (the rest uniformly).</summary>
    public double BanditShare { get; init; } = 0.5;

    public BreedingSettings Breeding { get; init; } = BreedingSettings.Default;

    public StagnationSettings Stagnation { get; init; } = StagnationSettings.Default;

    public NoveltySettings Novelty { get; init; } = NoveltySettings.Default;

    public BanditSettings Bandit { get; init; } = BanditSettings.Default;

    public FitnessSettings Fitness { get; init; } = FitnessSettings.Default;

    public ResearchWindow Window { get; init; } = ResearchWindow.Default;

    public PromotionPipelineSettings Promotion { get; init; } = PromotionPipelineSettings.Default;

    public ResearchDataSettings Data { get; init; } = ResearchDataSettings.Default;

    /// <summary>The rule search of the discovery population (GP, off by default).</summary>
    public DiscoverySettings Discovery { get; init; } = DiscoverySettings.Default;

    /// <summary>Individuals per generation.</summary>
    public int PopulationSize => Breeding.PopulationSize;

    /// <summary>
    /// The populations the supervisor runs when none are named: <see cref="Strategies"/>, then
    /// <see cref="RuleStrategy.DiscoveryName"/> when discovery is enabled.
    /// </summary>
    public IReadOnlyList<string> Populations => Discovery.Enabled ? [.. Strategies, RuleStrategy.DiscoveryName] : Strategies;

    /// <summary>The settings the discovery population runs with: these, with the discovery population size.</summary>
    public ResearchSettings ForDiscovery() => this with { Breeding = Breeding with { PopulationSize = Discovery.PopulationSize } };

    /// <summary>
    /// The seed of <paramref name="strategy"/>'s population: <see cref="Seed"/> mixed with a stable hash of the name (FNV-1a),
    /// so the populations of one run draw different numbers and the same configuration always draws the same ones.
    /// </summary>
    public ulong SeedFor(string strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var hash = 14695981039346656037UL;
        foreach (var c in strategy)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return Seed ^ hash;
    }

    /// <summary>Reads the section; bad values are reported (positioned, with the fix) and replaced by their defaults.</summary>
    public static (ResearchSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config, StrategyCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new ResearchSettingsReader(config, catalog ?? StrategyCatalog.Default).Read();
    }

    /// <summary>Reads the section; throws <see cref="ResearchSettingsException"/> listing every problem.</summary>
    public static ResearchSettings FromConfig(Config config, StrategyCatalog? catalog = null)
    {
        var (settings, problems) = Read(config, catalog);
        if (problems.Count > 0) throw new ResearchSettingsException(problems);
        return settings;
    }
}
