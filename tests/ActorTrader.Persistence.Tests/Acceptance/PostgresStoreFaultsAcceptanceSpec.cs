using ActorTrader.Persistence.Tests.Behaviour;
using ActorTrader.Persistence.Tests.Postgres;
using static ActorTrader.Persistence.Tests.Support.RecorderActor;

namespace ActorTrader.Persistence.Tests.Acceptance;

/// <summary>
/// The server dropping the journal's connections while a node runs: the persist that meets a dead connection fails
/// with an error naming the server and the fix, and a restarted node recovers every acknowledged event.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreFaultsAcceptanceSpec(PostgresServerFixture server) : AcceptanceSpec
{
    private readonly PostgresFaultBackend _postgres = new(server);

    protected override PersistenceBackend CreateBackend() => _postgres;

    [Fact]
    public async Task Connections_the_server_dropped_fail_the_persist_naming_the_server_and_the_fix_and_a_restarted_node_recovers_every_acknowledged_event()
    {
        await StartPersistenceAsync();
        var alerts = SubscribeToAlerts();
        var id = NewPersistenceId();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(id, reporter);
        Watch(actor);
        await AcknowledgeAsync(actor, reporter, 1, "a", "b");
        Assert.True(await _postgres.TerminateConnectionsAsync() > 0, "The stores held no connection to drop, so nothing was tested.");
        await AwaitAssertAsync(async () => Assert.Equal(0, await _postgres.ConnectionsAsync()));

        actor.Tell(new Add("c"), TestActor);

        var failure = await reporter.ExpectMsgAsync<PersistFailed>();
        Assert.Equal(3, failure.SequenceNr);
        Assert.Contains("PostgreSQL 127.0.0.1:", failure.Cause.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", failure.Cause.Message, StringComparison.Ordinal);
        await ExpectTerminatedAsync(actor);
        Assert.Equal(PersistenceFailure.Persist, (await alerts.ExpectMsgAsync<PersistenceAlert>()).Failure);
        var (restarted, next) = await RecoverOnFreshNodeAsync(id, "d");
        Assert.Equal(["a", "b"], restarted.Values);
        Assert.Equal(3, next);
    }
}
