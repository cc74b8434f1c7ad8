using System.Net;
using System.Net.Sockets;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Postgres;
using Npgsql;

namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>A PostgreSQL store that cannot work says which server, what went wrong and how to fix it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresConnectionErrorsSpec(PostgresServerFixture server)
{
    [Fact]
    public async Task An_unreachable_server_fails_start_naming_the_host_port_and_the_fix()
    {
        var port = ClosedLoopbackPort();
        await using var stores = PostgresStoreFactory.Create(new PostgresStoreOptions($"Host=127.0.0.1;Port={port};Username=nobody;Database=nothing;Timeout=5"));

        var error = await Assert.ThrowsAsync<PersistenceStoreException>(() => stores.StartAsync());

        Assert.Contains($"Cannot reach PostgreSQL 127.0.0.1:{port}/nothing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: start the server or correct Host/Port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_fails_start_with_the_fix()
    {
        var missing = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "no_such_database_here" };
        await using var stores = PostgresStoreFactory.Create(new PostgresStoreOptions(missing.ConnectionString));

        var error = await Assert.ThrowsAsync<PersistenceStoreException>(() => stores.StartAsync());

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: create it (createdb)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_name_that_is_not_a_plain_identifier_is_refused_before_connecting()
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresStoreFactory.Create(new PostgresStoreOptions(server.ConnectionString) { Schema = "x\"; DROP TABLE journal; --" }));

        Assert.Contains("actortrader.persistence.postgresql.schema", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_connection_string_names_the_environment_variable()
    {
        var error = Assert.Throws<PersistenceStoreException>(() => PostgresStoreFactory.Create(new PostgresStoreOptions("")));

        Assert.Contains("ACTORTRADER_POSTGRES", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_stores_starting_at_once_on_a_new_schema_both_start()
    {
        await using var backend = new PostgresTestBackend(server);

        await Task.WhenAll(backend.OpenStoresAsync(), backend.OpenStoresAsync(), backend.OpenStoresAsync());
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
