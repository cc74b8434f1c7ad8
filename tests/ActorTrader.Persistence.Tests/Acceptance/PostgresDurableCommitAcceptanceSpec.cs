using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Postgres;
using ActorTrader.Persistence.Tests.Postgres;
using Npgsql;

namespace ActorTrader.Persistence.Tests.Acceptance;

/// <summary>
/// A handler runs once its event is durable: a PostgreSQL session that commits without waiting for the WAL flush
/// (synchronous_commit = off) would acknowledge events a server crash can lose, so the store refuses to start on one.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDurableCommitAcceptanceSpec(PostgresServerFixture server)
{
    [Fact]
    public async Task A_server_session_with_synchronous_commit_off_is_refused_at_start_naming_the_setting_and_the_fix()
    {
        var schema = $"d_{Guid.NewGuid():N}";
        var lossy = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Options = "-c synchronous_commit=off" };
        await using var stores = PostgresStoreFactory.Create(new PostgresStoreOptions(lossy.ConnectionString) { Schema = schema });
        try
        {
            var error = await Assert.ThrowsAsync<PersistenceStoreException>(() => stores.StartAsync());

            Assert.Contains("synchronous_commit is off", error.Message, StringComparison.Ordinal);
            Assert.Contains("Fix: ALTER ROLE", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await server.ExecuteAsync($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
        }
    }

    [Theory]
    [InlineData("on")]
    [InlineData("local")]
    [InlineData("remote_apply")]
    public async Task A_session_that_waits_for_the_local_flush_starts(string setting)
    {
        var schema = $"d_{Guid.NewGuid():N}";
        var durable = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Options = $"-c synchronous_commit={setting}" };
        await using var stores = PostgresStoreFactory.Create(new PostgresStoreOptions(durable.ConnectionString) { Schema = schema });
        try
        {
            await stores.StartAsync();
        }
        finally
        {
            await server.ExecuteAsync($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
        }
    }
}
