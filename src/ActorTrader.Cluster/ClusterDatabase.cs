using System.Reflection;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Postgres;
using ActorTrader.Persistence.Sql;
using Npgsql;

namespace ActorTrader.Cluster;

/// <summary>
/// The cluster's PostgreSQL: one connection pool, the quoted schema, creation of the cluster tables (after the journal's)
/// and error explanations that name the server, never the password.
/// </summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    private const string ConnectionSetting = "actortrader.cluster.connection-string (ACTORTRADER_POSTGRES)";

    // Serialises schema creation between nodes starting at once (CREATE OR REPLACE on the catalog races otherwise).
    private const long CreationLockKey = 0x436C7573746572;

    private readonly NpgsqlDataSource _dataSource;

    public ClusterDatabase(string connectionString, string schema = "public")
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new PersistenceStoreException(
                $"No PostgreSQL connection string is configured for the cluster. Fix: set ACTORTRADER_POSTGRES ({ConnectionSetting}), e.g. Host=db;Username=actortrader;Database=actortrader.");
        }

        QuotedSchema = SqlIdentifier.Quote(schema, "actortrader.cluster.schema");
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new PersistenceStoreException($"The cluster's PostgreSQL connection string is malformed ({ex.Message}). Fix: correct ACTORTRADER_POSTGRES ({ConnectionSetting}).", ex);
        }

        Server = $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username} schema {schema}";
        ConnectionString = builder.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>host:port/database schema s, for messages.</summary>
    public string Server { get; }

    /// <summary>The schema, quoted for SQL: <c>"public"</c>.</summary>
    public string QuotedSchema { get; }

    /// <summary>For LISTEN connections, which must stay open outside the pool.</summary>
    internal string ConnectionString { get; }

    /// <summary>A table or function of the cluster schema, quoted: <c>"public".cluster_leases</c>.</summary>
    public string Table(string name) => $"{QuotedSchema}.{name}";

    public async Task<NpgsqlConnection> OpenAsync(string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            throw Explain(ex, operation);
        }
    }

    /// <summary>
    /// Creates the cluster tables, the fencing function and its trigger on the journal; the journal's tables must exist
    /// (start the PostgreSQL journal first). Idempotent, under an advisory lock.
    /// </summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        const string operation = "creating the cluster tables";
        var connection = await OpenAsync(operation, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({CreationLockKey})", cancellationToken).ConfigureAwait(false);
                    if (!await JournalExistsAsync(connection, cancellationToken).ConfigureAwait(false))
                    {
                        throw new PersistenceStoreException(
                            $"PostgreSQL {Server} has no journal table {QuotedSchema}.{JournalTable.Name}, which the cluster's fencing trigger guards. Fix: start the PostgreSQL journal (actortrader.persistence.journal = postgresql) on the same schema before the cluster.");
                    }

                    await ExecuteAsync(connection, SchemaSql(QuotedSchema), cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (NpgsqlException ex)
            {
                throw Explain(ex, operation);
            }
        }
    }

    /// <summary>The cluster's DDL (Schema/cluster.sql) for a quoted schema; deploy/postgres/init.sql holds the same for "public".</summary>
    public static string SchemaSql(string quotedSchema)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ActorTrader.Cluster.Schema.cluster.sql")
            ?? throw new InvalidOperationException("The cluster schema resource is missing from ActorTrader.Cluster.dll. Fix: rebuild the project.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("{schema}", quotedSchema, StringComparison.Ordinal);
    }

    public PersistenceStoreException Explain(NpgsqlException exception, string operation) => PostgresErrors.Explain(exception, Server, operation);

    /// <summary>Runs one command on a pooled connection; a PostgreSQL error becomes a <see cref="PersistenceStoreException"/> naming <paramref name="operation"/> and the fix.</summary>
    public async Task<T> WithCommandAsync<T>(string operation, string sql, Func<NpgsqlCommand, Task<T>> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var connection = await OpenAsync(operation, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                var command = new NpgsqlCommand(sql, connection);
                await using (command.ConfigureAwait(false))
                {
                    return await run(command).ConfigureAwait(false);
                }
            }
            catch (NpgsqlException ex)
            {
                throw Explain(ex, operation);
            }
        }
    }

    /// <inheritdoc cref="WithCommandAsync{T}"/>
    public Task WithCommandAsync(string operation, string sql, Func<NpgsqlCommand, Task> run, CancellationToken cancellationToken) =>
        WithCommandAsync(operation, sql, async command =>
        {
            await run(command).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> JournalExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("table", $"{QuotedSchema}.{JournalTable.Name}");
            return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }
}
