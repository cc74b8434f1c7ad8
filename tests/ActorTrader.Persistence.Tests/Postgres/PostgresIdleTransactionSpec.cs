using ActorTrader.Persistence.Postgres;

namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>
/// The journal's connections carry idle_in_transaction_session_timeout, so a process paused inside a journal write
/// (holding the lease row the cluster's fencing trigger locked) cannot keep a standby from taking over.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresIdleTransactionSpec(PostgresServerFixture server)
{
    [Fact]
    public async Task The_journal_connections_end_a_transaction_left_idle_longer_than_the_setting()
    {
        await using var database = new PostgresDatabase(new PostgresStoreOptions(server.ConnectionString) { IdleInTransactionTimeout = TimeSpan.FromMilliseconds(3500) });
        await using var connection = await database.OpenAsync("checking the setting", CancellationToken.None);
        await using var command = new Npgsql.NpgsqlCommand("SHOW idle_in_transaction_session_timeout", connection);

        Assert.Equal("3500ms", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Zero_leaves_the_servers_own_setting()
    {
        await using var database = new PostgresDatabase(new PostgresStoreOptions(server.ConnectionString) { IdleInTransactionTimeout = TimeSpan.Zero });
        await using var connection = await database.OpenAsync("checking the setting", CancellationToken.None);
        await using var command = new Npgsql.NpgsqlCommand("SHOW idle_in_transaction_session_timeout", connection);
        await using var plain = await server.OpenConnectionAsync();
        await using var plainCommand = new Npgsql.NpgsqlCommand("SHOW idle_in_transaction_session_timeout", plain);

        Assert.Equal((string?)await plainCommand.ExecuteScalarAsync(), (string?)await command.ExecuteScalarAsync());
    }
}
