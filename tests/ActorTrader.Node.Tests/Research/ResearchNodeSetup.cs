using System.Globalization;
using ActorTrader.Research.Synthetic;

namespace ActorTrader.Node.Tests.Research;

/// <summary>
/// The directory of a research node run as a process: its node file (role research, management port 0, the SQLite journal
/// under data/, the planted synthetic market, the window always open, a small population with a fixed seed, no promotion
/// candidates so nothing but the genetic algorithm decides the outcomes) and the files the node writes.
/// </summary>
internal sealed record ResearchNodeSetup(string Root, int Generations)
{
    public const string Strategy = PlantedMarket.StrategyName;

    public const int PopulationSize = 12;

    public string ConfigFile => Path.Combine(Root, "node.conf");

    public string DataDir => Path.Combine(Root, "data");

    public string JournalFile => Path.Combine(DataDir, "actortrader.db");

    public string EndpointFile => Path.Combine(DataDir, "node.endpoint.json");

    public string TokenFile => Path.Combine(DataDir, "management.token");

    /// <summary>Writes the node file; <paramref name="extra"/> is added inside <c>actortrader { }</c>.</summary>
    public static ResearchNodeSetup Create(string root, int generations, string extra = "")
    {
        Directory.CreateDirectory(root);
        var setup = new ResearchNodeSetup(root, generations);
        var inSample = PlantedMarket.InSampleFraction.ToString("R", CultureInfo.InvariantCulture);
        File.WriteAllText(setup.ConfigFile, $$"""
            actortrader {
              node { name = "research-node", roles = [research], data-dir = "{{setup.DataDir}}" }
              management.port = 0
              research {
                strategies = [{{Strategy}}]
                seed = 42
                generations = {{generations}}
                parallelism = 2
                # Recovery after a kill goes through a snapshot and the generations journaled after it.
                snapshot-every = 2
                breeding.population-size = {{PopulationSize}}
                stagnation.generations = 2
                window.enabled = off
                # No candidate is proposed: promotions arrive asynchronously and their penalty would not be the GA's alone.
                promotion.candidate-min-fitness = 1e6
                # A larger planted market than the default: generations of about half a second, so the test's SIGKILL,
                # sent when it reads a generation's line, lands inside the next generation.
                data { source = planted, in-sample-fraction = {{inSample}}, planted { years = 8, symbols = 8 } }
              }
              {{extra}}
            }
            """);
        return setup;
    }
}
