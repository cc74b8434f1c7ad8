using ActorTrader.Actors;
using ActorTrader.Data.Catalog;
using ActorTrader.Data.Ingestion.Distributed;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers;
using ActorTrader.Data.Settings;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Data;
using ActorTrader.Hosting.Settings;
using ActorTrader.Streams;

namespace ActorTrader.Node.Cluster;

/// <summary>
/// Ingestion on a cluster node with role ingest: a worker on the shared queue <see cref="IngestionBatches.QueueName"/>
/// runs the batches <c>actortrader ingest --cluster</c> enqueues, on this node's lakehouse and providers
/// (<c>actortrader.data.*</c>, the Alpaca key pair of <c>actortrader.broker.alpaca</c>), up to
/// <c>actortrader.cluster.ingestion.workers</c> batches at once.
/// </summary>
internal static class ClusterIngestion
{
    /// <summary>The role (<c>actortrader.node.roles</c>) that makes a cluster node work ingestion batches.</summary>
    public const string Role = "ingest";

    /// <summary>The worker's actor name under <c>/user</c>.</summary>
    public const string WorkerName = "cluster-ingestion-worker";

    /// <summary>
    /// The data section an ingest node runs batches with; throws <see cref="ConfigLoadException"/> listing every
    /// problem with its position and fix, so a bad section stops the node before it opens anything.
    /// </summary>
    public static DataSettings ReadSettings(LoadedConfig loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var (data, problems) = DataSettings.Read(loaded.Config, loaded.WorkingDirectory);
        if (problems.Count > 0) throw new ConfigLoadException(problems);
        return data;
    }

    /// <summary>Starts the ingestion worker of this node at <c>/user/cluster-ingestion-worker</c>.</summary>
    /// <exception cref="ConfigLoadException">The data section has problems (listed).</exception>
    public static IActorRef Start(ActorSystem system, NodeCluster cluster, NodeSettings settings, LoadedConfig loaded, TimeProvider clock, Serilog.ILogger log)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(log);
        var data = ReadSettings(loaded);
        var layout = new LakehouseLayout(data.LakehouseDir);
        var providers = new NodeProviders(data, settings.Broker.Alpaca);
        var services = new IngestionNodeServices(providers.For, new ParquetBarStore(layout, clock: clock), data.Ingestion, clock)
        {
            Catalog = OpenCatalog(layout, log),
        };
        var handler = new IngestionBatchHandler(services, system.Materializer());
        var workers = cluster.Settings.IngestionWorkers;
        var worker = system.ActorOf(IngestionBatchWorker.Props(cluster.Work, IngestionBatchWorker.Settings(settings.Node.Name, workers), handler), WorkerName);
        log.Information("Ingestion: {Workers} worker(s) on the cluster queue {Queue}, writing to the lakehouse {Lakehouse}", workers, IngestionBatches.QueueName, data.LakehouseDir);
        return worker;
    }

    /// <summary>The lakehouse's symbol catalog, or null (with a warning) when its files cannot be read: a broken catalog costs the metadata refresh, never the bars.</summary>
    private static SymbolCatalog? OpenCatalog(LakehouseLayout layout, Serilog.ILogger log)
    {
        try
        {
            Directory.CreateDirectory(layout.Root);
            return new SymbolCatalog(layout);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            log.Warning("The symbol catalog in {Lakehouse} cannot be opened, so ingestion batches on this node do not refresh symbol metadata: {Error}", layout.Root, e.Message);
            return null;
        }
    }

    /// <summary>
    /// The node's providers by name, each made once on first use and shared by every batch (one Alpaca client, so its
    /// rate limit holds for the whole node). A provider that cannot be made fails the batch naming the setting and fix.
    /// </summary>
    private sealed class NodeProviders(DataSettings data, AlpacaSettings broker)
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, IMarketDataProvider> _made = new(StringComparer.Ordinal);

        public IMarketDataProvider For(string name)
        {
            lock (_gate)
            {
                if (_made.TryGetValue(name, out var made)) return made;
                var provider = MarketDataProviders.Create(name, data, broker);
                _made.Add(name, provider);
                return provider;
            }
        }
    }
}
