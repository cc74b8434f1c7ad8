using ActorTrader.Research.Discovery;
using ActorTrader.Research.Settings;
using ActorTrader.Research.Synthetic;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>Research settings whose only population is the discovery population, on the planted market, small and fast.</summary>
internal static class DiscoverySettingsFor
{
    public static ResearchSettings Run(int generations = 4, int population = 16, double candidateMinFitness = 1e6, int snapshotEvery = 10) =>
        ResearchSettings.Default with
        {
            Strategies = [],
            Generations = generations,
            Parallelism = 2,
            SnapshotEvery = snapshotEvery,
            Stagnation = ResearchSettings.Default.Stagnation with { Generations = 3 },
            Window = Research.Scheduling.ResearchWindow.AlwaysOpen,
            Promotion = ResearchSettings.Default.Promotion with { CandidateMinFitness = candidateMinFitness },
            Data = ResearchSettings.Default.Data with { Source = ResearchDataSourceKind.Planted, InSampleFraction = PlantedMarket.InSampleFraction },
            Discovery = DiscoverySettings.Default with { Enabled = true, PopulationSize = population },
        };
}
