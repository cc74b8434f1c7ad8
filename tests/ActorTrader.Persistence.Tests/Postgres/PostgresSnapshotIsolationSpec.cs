using ActorTrader.Persistence.Snapshots;
using static ActorTrader.Persistence.Tests.Stores.TestEvents;

namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>A snapshot save that cannot finish (its table is locked) does not hold up journal writes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSnapshotIsolationSpec(PostgresServerFixture server)
{
    [Fact]
    public async Task Journal_writes_complete_while_a_snapshot_save_is_blocked()
    {
        await using var backend = new PostgresTestBackend(server);
        var stores = await backend.OpenStoresAsync();
        await using var holder = await server.OpenConnectionAsync();
        await using var locking = await holder.BeginTransactionAsync();
        await using (var command = new Npgsql.NpgsqlCommand($"LOCK TABLE {backend.SnapshotTable} IN ACCESS EXCLUSIVE MODE", holder, locking))
        {
            await command.ExecuteNonQueryAsync();
        }

        var save = stores.SnapshotStore.SaveAsync(Snapshot("ledger", 10));
        await Task.WhenAll(Enumerable.Range(1, 20).Select(n => stores.Journal.WriteAsync(Events($"trader-{n}", 1, 3))));

        Assert.False(save.IsCompleted);
        await locking.CommitAsync();
        await save;
        Assert.Equal(10, (await stores.SnapshotStore.LoadAsync("ledger", SnapshotSelectionCriteria.Latest))?.Metadata.SequenceNr);
        Assert.Equal(3, await stores.Journal.ReadHighestSequenceNrAsync("trader-20"));
    }
}
