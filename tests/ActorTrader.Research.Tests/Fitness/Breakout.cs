using ActorTrader.Research.Genetics;
using ActorTrader.Research.Synthetic;
using ActorTrader.Strategies.Catalog;

namespace ActorTrader.Research.Tests.Fitness;

/// <summary>Genomes of relative_volume_breakout: the planted optimum with some genes changed.</summary>
internal static class Breakout
{
    public static Genome Genome(params (string Name, double Value)[] changes)
    {
        var strategy = StrategyCatalog.Default.Get(PlantedMarket.StrategyName);
        var set = PlantedMarket.PlantedParameters;
        foreach (var (name, value) in changes) set = set.With(name, value);
        return Research.Genetics.Genome.Create(strategy.Name, set, strategy.Parameters);
    }
}
