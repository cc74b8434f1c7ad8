using ActorTrader.Actors;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Persistence.Tests.Behaviour;
using ActorTrader.Persistence.Tests.Support;
using ActorTrader.TestKit;
using static ActorTrader.Persistence.Tests.Support.RecorderActor;

namespace ActorTrader.Persistence.Tests.Acceptance;

/// <summary>
/// Base of the acceptance specs: besides <see cref="PersistenceSpec"/>, it persists acknowledged events through a
/// recorder and checks the second half of every fault scenario, that a fresh node (a new actor system over newly
/// opened stores) recovers every acknowledged event and numbers the next one after them.
/// </summary>
public abstract class AcceptanceSpec : PersistenceSpec
{
    /// <summary>Persists <paramref name="values"/> one command each and waits until every one is acknowledged (its handler ran).</summary>
    protected async Task AcknowledgeAsync(IActorRef actor, TestProbe reporter, long firstSequenceNr, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values) actor.Tell(new Add(value), TestActor);
        for (var i = 0; i < values.Length; i++) await reporter.ExpectMsgAsync(new Handled(values[i], firstSequenceNr + i));
    }

    /// <summary>
    /// Starts a new actor system over freshly opened stores (a node restart), recovers <paramref name="persistenceId"/>
    /// and persists <paramref name="next"/>, returning what was recovered and the sequence number the new event got.
    /// </summary>
    protected async Task<(Recovered Recovered, long NextSequenceNr)> RecoverOnFreshNodeAsync(string persistenceId, string next, EventSerializer? serializer = null, Recovery? recovery = null)
    {
        var reporter = CreateTestProbe();
        await using var node = ActorSystem.Create($"{Sys.Name}-fresh-{Guid.NewGuid():N}", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
        var stores = await OpenStoresAsync();
        Persistence.Install(node, new PersistenceSetup(stores, serializer ?? TestEvents.Serializer()));
        var actor = node.ActorOf(RecorderActor.Props(persistenceId, reporter.Ref, recovery));
        var recovered = await reporter.FishForMessageAsync<Recovered>(_ => true);
        actor.Tell(new Add(next), TestActor);
        var handled = await reporter.FishForMessageAsync<Handled>(h => h.Value == next);
        return (recovered, handled.SequenceNr);
    }
}
