using ActorTrader.Benchmarks.Actors;
using ActorTrader.Persistence;

namespace ActorTrader.Benchmarks.Persistence;

/// <summary>Persists what it is told: <see cref="Append"/> with <c>Persist</c> (the next command waits), <see cref="AppendAsync"/> with <c>PersistAsync</c> (commands keep flowing, writes group).</summary>
internal sealed class PersistingActor : ReceivePersistentActor
{
    public PersistingActor(string persistenceId)
    {
        PersistenceId = persistenceId;
        Recover<BenchEvent>(_ => { });
        Command<Append>(append => Persist(append.Event, _ => append.Durable.Signal()));
        Command<AppendAsync>(append => PersistAsync(append.Event, _ => append.Durable.Signal()));
    }

    public override string PersistenceId { get; }

    /// <summary>Persist <see cref="Event"/> with <c>Persist</c>; <see cref="Durable"/> is signalled from the handler.</summary>
    public sealed record Append(BenchEvent Event, AsyncCountdown Durable);

    /// <summary>Persist <see cref="Event"/> with <c>PersistAsync</c>; <see cref="Durable"/> is signalled from the handler.</summary>
    public sealed record AppendAsync(BenchEvent Event, AsyncCountdown Durable);
}
