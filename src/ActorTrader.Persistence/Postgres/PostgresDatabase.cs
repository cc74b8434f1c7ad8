using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Sql;
using Npgsql;

namespace ActorTrader.Persistence.Postgres;

/// <summary>
/// One PostgreSQL database and schema: the connection pool, the quoted table names, schema creation and
/// error explanations that name the server (never the password).
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private const string ConnectionSetting = "actortrader.persistence.postgresql.connection-string (ACTORTRADER_POSTGRES)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _quotedSchema;

    public PostgresDatabase(PostgresStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new PersistenceStoreException(
                "No PostgreSQL connection string is configured. Fix: set ACTORTRADER_POSTGRES (actortrader.persistence.postgresql.connection-string), e.g. Host=db;Username=actortrader;Database=actortrader.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1, nameof(options.MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPoolSize, 1, nameof(options.MaxPoolSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.GapTimeout, TimeSpan.Zero, nameof(options.GapTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.IdleInTransactionTimeout, TimeSpan.Zero, nameof(options.IdleInTransactionTimeout));
        Options = options;
        _quotedSchema = SqlIdentifier.Quote(options.Schema, "actortrader.persistence.postgresql.schema");
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { MaxPoolSize = options.MaxPoolSize };
        }
        catch (ArgumentException ex)
        {
            throw new PersistenceStoreException(
                $"The PostgreSQL connection string is malformed ({ex.Message}). Fix: correct ACTORTRADER_POSTGRES (actortrader.persistence.postgresql.connection-string).", ex);
        }

        if (options.IdleInTransactionTimeout > TimeSpan.Zero)
        {
            var setting = $"-c idle_in_transaction_session_timeout={(long)options.IdleInTransactionTimeout.TotalMilliseconds}";
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? setting : builder.Options + " " + setting;
        }

        Server = $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username} schema {options.Schema}";
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        JournalTableName = $"{_quotedSchema}.{JournalTable.Name}";
        SnapshotTableName = $"{_quotedSchema}.{SnapshotTable.Name}";
    }

    public PostgresStoreOptions Options { get; }

    /// <summary>host:port/database schema s, for messages.</summary>
    public string Server { get; }

    public string JournalTableName { get; }

    public string SnapshotTableName { get; }

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

    /// <summary>Creates the schema and tables when missing, under an advisory lock so concurrent starts do not race.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        const string operation = "creating the journal schema";
        var connection = await OpenAsync(operation, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    await EnsureDurableCommitsAsync(connection, cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({PostgresSchema.CreationLockKey})", cancellationToken).ConfigureAwait(false);
                    if (!await SchemaExistsAsync(connection, cancellationToken).ConfigureAwait(false))
                    {
                        await ExecuteAsync(connection, $"CREATE SCHEMA {_quotedSchema}", cancellationToken).ConfigureAwait(false);
                    }

                    await ExecuteAsync(connection, PostgresSchema.CreateTables(_quotedSchema), cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (NpgsqlException ex)
            {
                throw Explain(ex, operation);
            }
        }
    }

    public PersistenceStoreException Explain(NpgsqlException exception, string operation) => PostgresErrors.Explain(exception, Server, operation);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A handler may run only once its event is durable: with synchronous_commit = off the server acknowledges a commit
    /// before its WAL is flushed, so a server crash could lose acknowledged events. Every other level waits for the local flush.
    /// </summary>
    private async Task EnsureDurableCommitsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("SELECT current_setting('synchronous_commit'), current_user", connection);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var setting = reader.GetString(0);
                var user = reader.GetString(1);
                if (string.Equals(setting, "off", StringComparison.OrdinalIgnoreCase))
                {
                    throw new PersistenceStoreException(
                        $"PostgreSQL {Server}: synchronous_commit is off for the journal's connections, so commits are acknowledged before they are on disk and a server crash could lose events the actors were told are stored. " +
                        $"Fix: ALTER ROLE \"{user}\" SET synchronous_commit = on (or remove synchronous_commit = off from postgresql.conf, the database's settings or the Options of {ConnectionSetting}).");
                }
            }
        }
    }

    private async Task<bool> SchemaExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @schema)", connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("schema", Options.Schema);
            return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }
}
