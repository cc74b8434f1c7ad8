namespace ActorTrader.Cli.Tests.Data;

/// <summary><c>actortrader ingest --cluster</c> refuses, naming the key and the fix, when the node file does not describe a cluster.</summary>
public sealed class ClusterIngestTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private Task<(int ExitCode, string Out, string Error)> IngestOnTheCluster(string config) =>
        _cli.RunAsync("ingest", "--config", config, "--cluster", "--provider", "synthetic", "--symbols", "NASDAQ:AAPL", "--start", "2024-01-01", "--end", "2024-02-01");

    [Fact]
    public async Task Ingest_on_the_cluster_without_a_cluster_exits_1_naming_the_enabled_key_and_the_fix()
    {
        var (exit, output, error) = await IngestOnTheCluster(_cli.WriteCleanConfig());

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains("actortrader.cluster.enabled = off", error, StringComparison.Ordinal);
        Assert.Contains("Fix:", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Ingest_on_the_cluster_with_the_sqlite_journal_exits_1_naming_the_journal_key()
    {
        var (exit, _, error) = await IngestOnTheCluster(_cli.WriteCleanConfig("cluster.enabled = on, persistence.journal = sqlite"));

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains("actortrader.persistence.journal = \"sqlite\"", error, StringComparison.Ordinal);
        Assert.Contains("Set actortrader.persistence.journal = postgresql", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_on_the_cluster_leaves_the_lakehouse_alone_when_it_refuses()
    {
        await IngestOnTheCluster(_cli.WriteCleanConfig());

        Assert.False(Directory.Exists(Path.Combine(_cli.DataDir, "lakehouse")));
    }
}
