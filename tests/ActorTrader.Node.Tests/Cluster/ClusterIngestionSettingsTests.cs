using ActorTrader.Hocon;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Settings;

namespace ActorTrader.Node.Tests.Cluster;

/// <summary>How <c>actortrader.cluster.ingestion</c> is read: workers per ingest node and symbols per batch.</summary>
public sealed class ClusterIngestionSettingsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private (ClusterSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(string cluster)
    {
        var file = _dir.File("node.conf");
        File.WriteAllText(file, $$"""actortrader { node.data-dir = "{{_dir.File("data")}}", cluster { {{cluster}} } }""");
        var loaded = ConfigLoader.Load(new ConfigSources { ConfigFile = file, Environment = new Dictionary<string, string?>(), WorkingDirectory = _dir.Path });
        return ClusterSettings.Read(loaded.Config);
    }

    [Fact]
    public void The_reference_gives_one_worker_and_batches_of_25_symbols()
    {
        var (settings, problems) = Read("");

        Assert.Empty(problems);
        Assert.Equal(1, settings.IngestionWorkers);
        Assert.Equal(25, settings.IngestionBatchSize);
    }

    [Fact]
    public void The_ingestion_values_of_the_node_file_are_read()
    {
        var (settings, _) = Read("ingestion { workers = 3, batch-size = 10 }");

        Assert.Equal(3, settings.IngestionWorkers);
        Assert.Equal(10, settings.IngestionBatchSize);
    }

    [Fact]
    public void Zero_ingestion_workers_is_reported_with_its_range()
    {
        var (_, problems) = Read("ingestion.workers = 0");

        Assert.Contains(problems, p => p.Message.Contains("actortrader.cluster.ingestion.workers = 0 is out of range 1..64", StringComparison.Ordinal));
    }
}
