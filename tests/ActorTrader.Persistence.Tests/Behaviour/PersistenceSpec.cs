using ActorTrader.Actors;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Tests.Support;
using ActorTrader.TestKit;

namespace ActorTrader.Persistence.Tests.Behaviour;

/// <summary>
/// Base of the backend-independent behaviour specs: a test kit on virtual time, a backend from <see cref="CreateBackend"/>,
/// and <see cref="StartPersistenceAsync"/>, which installs persistence over the backend's stores with a
/// <see cref="ControllableJournal"/> in front of the journal.
/// </summary>
public abstract class PersistenceSpec : TestKit.TestKit, IDisposable
{
    private readonly List<PersistenceStores> _opened = [];
    private PersistenceBackend? _backend;
    private int _idSequence;

    protected PersistenceSpec() : base(new TestKitSettings { VirtualTime = true })
    {
    }

    protected abstract PersistenceBackend CreateBackend();

    protected PersistenceBackend Backend => _backend ??= CreateBackend();

    protected ControllableJournal Journal { get; private set; } = null!;

    protected Persistence Persistence { get; private set; } = null!;

    /// <summary>A persistence id no other test (or earlier run on a shared database) uses.</summary>
    protected string NewPersistenceId(string prefix = "p") => $"{prefix}-{Guid.NewGuid():N}-{Interlocked.Increment(ref _idSequence)}";

    protected async Task<Persistence> StartPersistenceAsync(Func<PersistenceSettings, PersistenceSettings>? configure = null, ActorTrader.Persistence.Serialization.EventSerializer? serializer = null)
    {
        var stores = await OpenStoresAsync();
        Journal = new ControllableJournal(stores.Journal);
        var settings = configure?.Invoke(PersistenceSettings.Default) ?? PersistenceSettings.Default;
        Persistence = Persistence.Install(Sys, new PersistenceSetup(Journal, stores.SnapshotStore, stores.Query, serializer ?? TestEvents.Serializer()) { Settings = settings });
        return Persistence;
    }

    /// <summary>New store instances over the backend's storage (disposed after the test).</summary>
    protected async Task<PersistenceStores> OpenStoresAsync()
    {
        var stores = await Backend.OpenAsync();
        _opened.Add(stores);
        return stores;
    }

    /// <summary>Writes rows straight to the journal, bypassing the actor (to plant corrupt or foreign events).</summary>
    protected Task WriteRawAsync(params PersistentRepr[] rows) => Journal.Inner.WriteAsync(rows);

    protected static PersistentRepr Row(string persistenceId, long sequenceNr, string manifest, string json) =>
        new(persistenceId, sequenceNr, manifest, System.Text.Encoding.UTF8.GetBytes(json), DateTimeOffset.UnixEpoch, [], "test-writer");

    protected IActorRef Spawn(string persistenceId, TestProbe reporter, Recovery? recovery = null) =>
        Sys.ActorOf(RecorderActor.Props(persistenceId, reporter.Ref, recovery));

    /// <summary>Starts a recorder and waits until it has recovered.</summary>
    protected async Task<(IActorRef Actor, RecorderActor.Recovered Recovered)> SpawnRecoveredAsync(string persistenceId, TestProbe reporter, Recovery? recovery = null)
    {
        var actor = Spawn(persistenceId, reporter, recovery);
        var recovered = await reporter.ExpectMsgAsync<RecorderActor.Recovered>();
        return (actor, recovered);
    }

    /// <summary>Stops the actor and waits until it has terminated (so its successor does not overlap it).</summary>
    protected async Task StopAsync(IActorRef actor)
    {
        var watcher = CreateTestProbe();
        watcher.Watch(actor);
        Sys.Stop(actor);
        await watcher.ExpectTerminatedAsync(actor);
    }

    protected TestProbe SubscribeToAlerts()
    {
        var alerts = CreateTestProbe();
        Sys.EventStream.Subscribe(alerts.Ref, typeof(PersistenceAlert));
        return alerts;
    }

    public void Dispose()
    {
        foreach (var stores in _opened) stores.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _backend?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }
}
