using ActorTrader.Actors;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Persistence.Sqlite;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Settings;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Streams;
using ActorTrader.TestKit;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>
/// A node's research as a process would run it: its own actor system (virtual time from the TestScheduler's default
/// start, so every node journals the same timestamps) over a SQLite journal file, with the supervisor at
/// <c>/user/research</c>. Disposing terminates the system and closes the files, as a process exit would.
/// </summary>
internal sealed class ResearchNode : IAsyncDisposable
{
    private readonly PersistenceStores _stores;

    private ResearchNode(ActorSystem system, PersistenceStores stores, IActorRef supervisor)
    {
        System = system;
        _stores = stores;
        Supervisor = supervisor;
    }

    public ActorSystem System { get; }

    public IActorRef Supervisor { get; }

    public static async Task<ResearchNode> StartAsync(string journalFile, ResearchSettings settings, IEvaluatorFactory? evaluators = null, IResearchDataSource? data = null) =>
        await StartAsync(SqliteStoreFactory.Create(new SqliteStoreOptions(journalFile)), settings, evaluators, data);

    /// <summary>A node on <paramref name="stores"/> (started here; closed when the node is disposed).</summary>
    public static async Task<ResearchNode> StartAsync(PersistenceStores stores, ResearchSettings settings, IEvaluatorFactory? evaluators = null, IResearchDataSource? data = null)
    {
        var system = ActorSystem.Create($"research-node-{Guid.NewGuid():N}", new ActorSystemSetup
        {
            RunCoordinatedShutdownOnSignals = false,
            SchedulerFactory = () => new TestScheduler(),
        });
        await stores.StartAsync();
        Persistence.Persistence.Install(system, new PersistenceSetup(stores, ResearchEvents.Register(new EventSerializer())));
        var services = new ResearchServices(StrategyCatalog.Default, data ?? new PlantedDataSource(), evaluators ?? new WalkForwardEvaluatorFactory(FitnessSettings.Default),
            new LocalEvaluationBackend(system.Materializer(), settings.Parallelism))
        {
            FollowWindow = false,
        };
        var supervisor = system.ActorOf(ResearchSupervisor.CreateProps(settings, services), ResearchSupervisor.ActorName);
        return new ResearchNode(system, stores, supervisor);
    }

    /// <summary>Sends <paramref name="message"/> to the supervisor and waits (real time) for an answer of type <typeparamref name="T"/>.</summary>
    public async Task<T> Query<T>(object message, TimeSpan timeout)
    {
        // The ask's own timeout would run on the virtual clock; the real-time limit is the token's.
        using var limit = new CancellationTokenSource(TestKitBase.Dilated(timeout));
        return await Supervisor.Ask<T>(message, timeout: null, cancellationToken: limit.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await System.Terminate();
        await _stores.DisposeAsync();
    }
}
