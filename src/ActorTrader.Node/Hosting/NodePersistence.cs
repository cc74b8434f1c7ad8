using ActorTrader.Actors;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Control;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Persistence.Sql;
using ActorTrader.Research.Actors;
using ActorTrader.Trading.Host;

namespace ActorTrader.Node.Hosting;

/// <summary>
/// Opens the journal and snapshot store that <c>actortrader.persistence</c> names (SQLite under node.data-dir by
/// default, or under a replay's own directory) and installs persistence on the node's actor system with every event type
/// the node journals: the control actor's, the trading core's and the research actors'.
/// </summary>
internal static class NodePersistence
{
    /// <summary>Every event the node's persistent actors write, under its stable manifest name.</summary>
    public static EventSerializer CreateSerializer() => ResearchEvents.Register(TradingJournal.Register(ControlEvents.Register(new EventSerializer())));

    /// <summary>Builds and starts the stores; throws <see cref="PersistenceStoreException"/> or <see cref="PersistenceSettingsException"/> with a fix.</summary>
    public static Task<(PersistenceStores Stores, PersistenceSettings Settings)> OpenAsync(LoadedConfig loaded, NodeSettings node, CancellationToken cancellationToken = default) =>
        OpenAsync(loaded, node.Node.DataDir, cancellationToken);

    /// <summary>The stores with a SQLite journal's relative path resolved against <paramref name="stateDir"/>.</summary>
    public static async Task<(PersistenceStores Stores, PersistenceSettings Settings)> OpenAsync(LoadedConfig loaded, string stateDir, CancellationToken cancellationToken = default)
    {
        var settings = PersistenceSettings.FromConfig(loaded.Config);
        var stores = new PersistenceBackends().AddSqlBackends().Create(settings, stateDir);
        try
        {
            await stores.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await stores.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return (stores, settings);
    }

    public static Persistence.Persistence Install(ActorSystem system, PersistenceStores stores, PersistenceSettings settings) =>
        Persistence.Persistence.Install(system, new PersistenceSetup(stores, CreateSerializer()) { Settings = settings });
}
