using ActorTrader.Actors;

namespace ActorTrader.Persistence.Tests.Support;

/// <summary>
/// A persistent actor that appends strings and reports everything it does to <c>reporter</c>, so tests can observe
/// when handlers run, in which order, and what recovery restored.
/// </summary>
public sealed class RecorderActor : ReceivePersistentActor
{
    private readonly string _persistenceId;
    private readonly Recovery _recovery;
    private List<string> _values = [];

    public RecorderActor(string persistenceId, IActorRef reporter, Recovery? recovery = null)
    {
        _persistenceId = persistenceId;
        _recovery = recovery ?? Recovery.Default;
        Reporter = reporter;

        Recover<SnapshotOffer>(offer =>
        {
            _values = [.. ((RecorderSnapshot)offer.Snapshot).Values];
            reporter.Tell(new Offered(offer.Metadata.SequenceNr, _values.ToArray()));
        });
        Recover<Appended>(e =>
        {
            if (e.Value == Poison) throw new InvalidOperationException("The recover handler refused the poison event.");
            _values.Add(e.Value);
        });
        Recover<RecoveryCompleted>(_ => reporter.Tell(new Recovered(_values.ToArray(), LastSequenceNr)));

        Command<Add>(c => Persist(new Appended(c.Value), e => Apply(e.Value)));
        Command<AddTagged>(c => Persist(new Tagged(new Appended(c.Value), c.Tags), t => Apply(((Appended)t.Payload).Value)));
        Command<AddAll>(c => PersistAll(c.Values.Select(v => new Appended(v)), e => Apply(e.Value)));
        Command<AddAsync>(c => PersistAsync(new Appended(c.Value), e => Apply(e.Value)));
        Command<AddThenDefer>(c =>
        {
            PersistAsync(new Appended(c.Value), e => Apply(e.Value));
            DeferAsync(c.Deferred, d => reporter.Tell(new DeferredRan(d)));
        });
        Command<DeferNow>(c => DeferAsync(c.Value, d => reporter.Tell(new DeferredRan(d))));
        Command<AddUnregistered>(c => Persist(new Unregistered(c.Value), _ => reporter.Tell(new Handled(c.Value, LastSequenceNr))));
        Command<AddThenThrow>(c =>
        {
            Persist(new Appended(c.Value), e => Apply(e.Value));
            throw new InvalidOperationException("The command handler failed after persisting.");
        });
        CommandAsync<AwaitThenFinish>(async c =>
        {
            reporter.Tell(new AsyncStarted());
            await c.Gate; // a faulted gate makes the handler fail after its first await
        });
        CommandAsync<PersistThenAwait>(async c =>
        {
            Persist(new Appended(c.Value), e => Apply(e.Value));
            reporter.Tell(new AsyncStarted());
            await c.Gate;
        });
        Command<Ping>(p => Sender.Tell(new Pong(p.N)));
        Command<GetState>(_ => Sender.Tell(new State(_values.ToArray(), LastSequenceNr)));
        Command<TakeSnapshot>(_ => SaveSnapshot(new RecorderSnapshot(_values.ToArray())));
        Command<SaveSnapshotSuccess>(s => reporter.Tell(s));
        Command<SaveSnapshotFailure>(s => reporter.Tell(s));
        Command<DeleteUpTo>(d => DeleteMessages(d.ToSequenceNr));
        Command<DeleteMessagesSuccess>(s => reporter.Tell(s));
        Command<DeleteMessagesFailure>(s => reporter.Tell(s));
        Command<StartStashingPings>(_ => BecomeStacked(() =>
        {
            Command<Ping>(_ => Stash.Stash());
            Command<UnstashEverything>(_ =>
            {
                UnbecomeStacked();
                Stash.UnstashAll();
            });
        }));
        Command<BecomeShouting>(_ => BecomeStacked(() =>
        {
            Command<Ping>(p => Sender.Tell(new Pong(-p.N)));
            Command<BecomeNormal>(_ => UnbecomeStacked());
        }));
    }

    public const string Poison = "poison";

    public IActorRef Reporter { get; }

    public override string PersistenceId => _persistenceId;

    public override Recovery Recovery => _recovery;

    private void Apply(string value)
    {
        _values.Add(value);
        Reporter.Tell(new Handled(value, LastSequenceNr));
    }

    protected override void OnRecoveryFailure(Exception reason, object? @event) => Reporter.Tell(new RecoveryFailed(reason, @event));

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr) => Reporter.Tell(new PersistFailed(cause, sequenceNr));

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr) => Reporter.Tell(new PersistRejected(cause, sequenceNr));

    public static Props Props(string persistenceId, IActorRef reporter, Recovery? recovery = null) =>
        Actors.Props.Create(() => new RecorderActor(persistenceId, reporter, recovery));

    public sealed record Add(string Value);

    public sealed record AddTagged(string Value, IReadOnlyList<string> Tags);

    public sealed record AddAll(IReadOnlyList<string> Values);

    public sealed record AddAsync(string Value);

    public sealed record AddThenDefer(string Value, string Deferred);

    public sealed record DeferNow(string Value);

    public sealed record AddUnregistered(string Value);

    public sealed record AddThenThrow(string Value);

    /// <summary>An async command that reports <see cref="AsyncStarted"/>, then awaits <paramref name="Gate"/> (and fails if it faults).</summary>
    public sealed record AwaitThenFinish(Task Gate);

    /// <summary>An async command that persists, reports <see cref="AsyncStarted"/>, then awaits <paramref name="Gate"/>.</summary>
    public sealed record PersistThenAwait(string Value, Task Gate);

    public sealed record AsyncStarted;

    public sealed record Ping(int N);

    public sealed record Pong(int N);

    public sealed record GetState;

    public sealed record State(IReadOnlyList<string> Values, long LastSequenceNr);

    public sealed record TakeSnapshot;

    public sealed record DeleteUpTo(long ToSequenceNr);

    public sealed record StartStashingPings;

    public sealed record UnstashEverything;

    public sealed record BecomeShouting;

    public sealed record BecomeNormal;

    public sealed record Handled(string Value, long SequenceNr);

    public sealed record DeferredRan(string Value);

    public sealed record Offered(long SequenceNr, IReadOnlyList<string> Values);

    public sealed record Recovered(IReadOnlyList<string> Values, long LastSequenceNr);

    public sealed record RecoveryFailed(Exception Cause, object? Event);

    public sealed record PersistFailed(Exception Cause, long SequenceNr);

    public sealed record PersistRejected(Exception Cause, long SequenceNr);
}
