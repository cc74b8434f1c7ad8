using ActorTrader.Actors;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Query;
using ActorTrader.Persistence.Serialization;

using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Persistence;

/// <summary>
/// The persistence extension of an actor system (Akka's <c>Persistence</c>): the journal, snapshot store, query and
/// serializer every persistent actor of the system uses, guarded by circuit breakers, with the recovery permitter
/// and the alerting. Install it once at start-up; persistent actors find it with <see cref="Get"/>.
/// </summary>
public sealed class Persistence : IExtension
{
    private readonly ILoggingAdapter _log;

    private Persistence(ActorSystem system, PersistenceSetup setup)
    {
        System = system;
        Settings = setup.Settings;
        Journal = setup.Journal;
        SnapshotStore = setup.SnapshotStore;
        Query = setup.Query;
        Serializer = setup.Serializer;
        _log = system.GetLogger(typeof(Persistence).FullName!);
        var breaker = Settings.CircuitBreaker;
        // A store that answered "another writer owns this id" is healthy: that must not open the breaker for everyone.
        static bool IsStoreFailure(Exception e) => e is not JournalConcurrencyException;
        JournalBreaker = new CircuitBreaker(system.Scheduler, breaker.MaxFailures, breaker.CallTimeout, breaker.ResetTimeout, IsStoreFailure);
        SnapshotBreaker = new CircuitBreaker(system.Scheduler, breaker.MaxFailures, breaker.CallTimeout, breaker.ResetTimeout, IsStoreFailure);
        JournalBreaker.OnOpen(() => _log.Error("The journal circuit breaker opened after {MaxFailures} consecutive failures; journal calls fail fast for {ResetTimeout}", breaker.MaxFailures, breaker.ResetTimeout));
        SnapshotBreaker.OnOpen(() => _log.Error("The snapshot-store circuit breaker opened after {MaxFailures} consecutive failures; snapshot calls fail fast for {ResetTimeout}", breaker.MaxFailures, breaker.ResetTimeout));
        ReadJournal = new ReadJournal(Query, Serializer, system.Scheduler);
        RecoveryPermitter = system.ActorOf(Props.Create(() => new RecoveryPermitter(Settings.Recovery.MaxConcurrent)), "persistence-recovery-permitter");
    }

    public ActorSystem System { get; }

    public PersistenceSettings Settings { get; }

    public IJournal Journal { get; }

    public ISnapshotStore SnapshotStore { get; }

    public IJournalQuery Query { get; }

    public EventSerializer Serializer { get; }

    /// <summary>Deserialized read-model queries (events by persistence id, by tag, all events).</summary>
    public ReadJournal ReadJournal { get; }

    /// <summary>Guards every journal call (Akka's journal circuit breaker).</summary>
    public CircuitBreaker JournalBreaker { get; }

    /// <summary>Guards every snapshot-store call.</summary>
    public CircuitBreaker SnapshotBreaker { get; }

    /// <summary>The actor that hands out recovery permits (<c>recovery.max-concurrent</c>).</summary>
    public IActorRef RecoveryPermitter { get; }

    internal InFlightWrites InFlightWrites { get; } = new();

    /// <summary>Held-back commands a restarting persistent actor hands to its next incarnation.</summary>
    internal StashHandover StashHandover { get; } = new();

    /// <summary>Installs persistence on <paramref name="system"/> with stores that are already started.</summary>
    public static Persistence Install(ActorSystem system, PersistenceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(setup);
        if (system.HasExtension<Persistence>())
            throw new InvalidOperationException($"Persistence is already installed on actor system \"{system.Name}\". Fix: install it once, at start-up.");
        return system.RegisterExtension(new Persistence(system, setup));
    }

    /// <summary>Starts the journal and snapshot store (schema, checks), then installs persistence.</summary>
    public static async Task<Persistence> StartAsync(ActorSystem system, PersistenceSetup setup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        await setup.Journal.StartAsync(cancellationToken).ConfigureAwait(false);
        await setup.SnapshotStore.StartAsync(cancellationToken).ConfigureAwait(false);
        return Install(system, setup);
    }

    /// <summary>The installed extension; throws with the fix when persistence was not installed.</summary>
    public static Persistence Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetExtension<Persistence>() ?? throw new InvalidOperationException(
            $"Persistence is not installed on actor system \"{system.Name}\". Fix: call Persistence.Install(system, setup) at start-up, before creating persistent actors.");
    }

    /// <summary>Logs at Error and publishes a <see cref="PersistenceAlert"/> on the event stream.</summary>
    public void Alert(string persistenceId, PersistenceFailure failure, Exception cause, long sequenceNr, IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(cause);
        ArgumentNullException.ThrowIfNull(actor);
        _log.Error(cause, "Persistence alert: {Failure} failed for persistence id {PersistenceId} at sequence nr {SequenceNr} ({Actor}): {Reason}",
            failure, persistenceId, sequenceNr, actor.Path.ToString(), cause.Message);
        System.EventStream.Publish(new PersistenceAlert(persistenceId, failure, cause.Message, sequenceNr, actor.Path.ToString(), System.Scheduler.Now));
    }

    /// <summary>One atomic journal write under the breaker; the raw write is tracked so a timed-out write is still waited for by the next incarnation.</summary>
    internal Task WriteAsync(string persistenceId, IReadOnlyList<PersistentRepr> events) =>
        JournalBreaker.WithCircuitBreaker(token =>
        {
            var write = Journal.WriteAsync(events, token);
            InFlightWrites.Track(persistenceId, write);
            return write;
        });
}
