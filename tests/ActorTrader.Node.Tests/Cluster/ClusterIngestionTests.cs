using ActorTrader.Cli;
using ActorTrader.Data.Ingestion.Distributed;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Domain.Bars;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Cluster;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Postgres;
using ActorTrader.Persistence.Tests.Postgres;
using Npgsql;

namespace ActorTrader.Node.Tests.Cluster;

/// <summary>
/// Issue 11: a cluster node with role ingest works the ingestion batches enqueued on the shared PostgreSQL queue, on its
/// own lakehouse and the synthetic provider (ACTORTRADER_TEST_POSTGRES; a fresh schema per test).
/// </summary>
public sealed class ClusterIngestionTests : TestKit.TestKit, IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Jan1 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Mar1 = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    // 41 NYSE sessions from Jan 1 to Mar 1, 2024 (Jan 1 and Feb 19 closed).
    private const int Sessions = 41;

    private readonly PostgresServerFixture _server = new();
    private readonly TempDirectory _dir = new();
    private readonly string _schema = $"ingest_node_{Guid.NewGuid():N}"[..30];
    private NodeCluster? _cluster;

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        // The journal's tables first: the cluster's fencing trigger sits on them.
        await using (var stores = PostgresStoreFactory.Create(new PostgresStoreOptions(_server.ConnectionString) { Schema = _schema }))
        {
            await stores.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        // Listing IAsyncLifetime here replaces the kit's own teardown: stop the worker first, then drop its schema.
        await Sys.Terminate();
        if (_cluster is not null) await _cluster.DisposeAsync();
        await _server.ExecuteAsync($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");
        NpgsqlConnection.ClearAllPools();
        await _server.DisposeAsync();
    }

    public void Dispose()
    {
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }

    private LoadedConfig Load(string extra = "")
    {
        var file = _dir.File("node.conf");
        File.WriteAllText(file, $$"""
            actortrader {
              node { name = "ingest-a", roles = [ingest], data-dir = "{{_dir.File("data")}}" }
              data { provider = synthetic, ingestion.freshness-hours = 0 }
              {{extra}}
            }
            """);
        return ConfigLoader.Load(new ConfigSources { ConfigFile = file, Environment = new Dictionary<string, string?>(), WorkingDirectory = _dir.Path });
    }

    private async Task<NodeCluster> OpenClusterAsync(NodeSettings settings)
    {
        var persistence = new PersistenceSettings { Journal = "postgresql", Postgres = new PostgresSettings { ConnectionString = _server.ConnectionString, Schema = _schema } };
        _cluster = await NodeCluster.OpenAsync(ClusterSettings.Disabled with { Enabled = true, IngestionWorkers = 2 }, settings, persistence, CancellationToken.None);
        return _cluster;
    }

    [Fact]
    public async Task An_ingest_node_works_the_enqueued_batches_into_its_lakehouse()
    {
        var loaded = Load();
        var settings = NodeSettings.FromConfig(loaded);
        var cluster = await OpenClusterAsync(settings);
        ClusterIngestion.Start(Sys, cluster, settings, loaded, TimeProvider.System, Serilog.Core.Logger.None);
        var batches = new IngestionBatches(cluster.Work, TimeProvider.System, batchSize: 5);
        var symbols = SyntheticMarketDataProvider.Universe(12);
        var plan = await batches.EnqueueAsync(new DistributedIngestionRequest(SyntheticMarketDataProvider.ProviderName, symbols, Timeframe.Day1, Jan1, Mar1), default);

        // Only a guard against a hang: a correct run finishes in a few seconds.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        var result = await batches.WaitAsync(plan, TimeSpan.FromMilliseconds(100), null, patience.Token);

        Assert.Equal(3, result.Batches);
        Assert.Empty(result.DeadBatches);
        Assert.All(result.CompletedBy.Values, worker => Assert.Equal("ingest-a/ingest", worker));
        Assert.Equal(12, result.Summary.SymbolsWritten);
        var store = new ParquetBarStore(new LakehouseLayout(Path.Combine(_dir.File("data"), "lakehouse")));
        Assert.All(symbols, symbol => Assert.Equal(Sessions, store.Read(symbol, Timeframe.Day1).Count));
    }

    [Fact]
    public async Task Ingest_on_the_cluster_prints_and_saves_the_merged_summary_and_clears_the_queue()
    {
        var loaded = Load();
        var settings = NodeSettings.FromConfig(loaded);
        var cluster = await OpenClusterAsync(settings);
        ClusterIngestion.Start(Sys, cluster, settings, loaded, TimeProvider.System, Serilog.Core.Logger.None);
        var cli = _dir.File("cli.conf");
        await File.WriteAllTextAsync(cli, $$"""
            actortrader {
              node { name = "cli", data-dir = "{{_dir.File("cli-data")}}" }
              persistence { journal = postgresql, postgresql { connection-string = "{{_server.ConnectionString}}", schema = "{{_schema}}" } }
              cluster { enabled = on, ingestion.batch-size = 4 }
            }
            """);
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(45));

        var exit = await CliApp.RunAsync(["ingest", "--config", cli, "--cluster", "--provider", "synthetic", "--start", "2024-01-01", "--end", "2024-03-01",
            "--symbols", string.Join(',', SyntheticMarketDataProvider.Universe(10))], new CliContext(output, error, new Dictionary<string, string?>(), _dir.Path), patience.Token);

        Assert.True(exit == ExitCodes.Ok, error.ToString());
        Assert.Contains("3/3 batches done", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("written        10 symbols, 410 new bars", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("worked by ingest-a/ingest", output.ToString(), StringComparison.Ordinal);
        var saved = output.ToString().Split('\n').Single(l => l.StartsWith("Summary saved to ", StringComparison.Ordinal))["Summary saved to ".Length..].Trim();
        Assert.StartsWith(_dir.File("cli-data"), saved, StringComparison.Ordinal);
        Assert.True(File.Exists(saved), saved);
        Assert.Equal(0, (await cluster.Work.CountsAsync(IngestionBatches.QueueName, default)).Total);
    }

    [Fact]
    public async Task The_ingestion_worker_runs_under_its_documented_name()
    {
        var loaded = Load();
        var settings = NodeSettings.FromConfig(loaded);
        var cluster = await OpenClusterAsync(settings);

        var worker = ClusterIngestion.Start(Sys, cluster, settings, loaded, TimeProvider.System, Serilog.Core.Logger.None);

        Assert.Equal("/user/cluster-ingestion-worker", worker.Path.ToStringWithoutAddress());
    }

    [Fact]
    public void A_bad_data_section_stops_an_ingest_node_listing_every_problem()
    {
        var loaded = Load("data { provider = carrier-pigeon, alpaca.feed = smoke-signals }");

        var problems = Assert.Throws<ConfigLoadException>(() => ClusterIngestion.ReadSettings(loaded)).Problems;

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Message.Contains("actortrader.data.provider = \"carrier-pigeon\" is not a known provider", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("actortrader.data.alpaca.feed = \"smoke-signals\" is not a stock feed", StringComparison.Ordinal));
    }
}
