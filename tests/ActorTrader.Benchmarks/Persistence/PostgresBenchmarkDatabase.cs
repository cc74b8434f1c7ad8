using ActorTrader.Persistence;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Postgres;
using ActorTrader.Persistence.Snapshots;
using ActorTrader.Persistence.Sql;
using Npgsql;
using NpgsqlTypes;

namespace ActorTrader.Benchmarks.Persistence;

/// <summary>
/// A fresh schema on the server named by ACTORTRADER_TEST_POSTGRES or ACTORTRADER_POSTGRES, dropped afterwards.
/// The baseline inserts a batch as one multi-row INSERT … SELECT FROM unnest(…) in one transaction.
/// </summary>
internal sealed class PostgresBenchmarkDatabase : BenchmarkDatabase
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStoreOptions _options;
    private readonly string _journal;
    private readonly string _snapshots;

    private PostgresBenchmarkDatabase(NpgsqlDataSource dataSource, PostgresStoreOptions options)
    {
        _dataSource = dataSource;
        _options = options;
        _journal = $"\"{options.Schema}\".{JournalTable.Name}";
        _snapshots = $"\"{options.Schema}\".{SnapshotTable.Name}";
    }

    public override string Name => "postgresql";

    public override string Description => $"PostgreSQL schema {_options.Schema} (server settings as configured, fsync and synchronous_commit as the server has them)";

    /// <summary>The configured connection string, or null when neither variable is set.</summary>
    public static string? ConfiguredConnectionString() =>
        new[] { "ACTORTRADER_TEST_POSTGRES", "ACTORTRADER_POSTGRES" }.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    public static async Task<PostgresBenchmarkDatabase> CreateAsync(string connectionString)
    {
        var options = new PostgresStoreOptions(connectionString) { Schema = $"bench_{Guid.NewGuid():N}" };
        await using (var stores = PostgresStoreFactory.Create(options))
        {
            await stores.StartAsync();
        }
        return new PostgresBenchmarkDatabase(NpgsqlDataSource.Create(connectionString), options);
    }

    public override PersistenceStores CreateStores() => PostgresStoreFactory.Create(_options);

    public override async Task InsertBatchedAsync(IReadOnlyList<PersistentRepr> rows, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var connection = await _dataSource.OpenConnectionAsync();
        for (var start = 0; start < rows.Count; start += batchSize)
        {
            var batch = rows.Skip(start).Take(batchSize).ToArray();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand($"""
                INSERT INTO {_journal} ({JournalTable.PersistenceId}, {JournalTable.SequenceNr}, {JournalTable.Manifest}, {JournalTable.Payload},
                    {JournalTable.CreatedAt}, {JournalTable.Tags}, {JournalTable.WriterId}, {JournalTable.WriterEpoch}, {JournalTable.Deleted})
                SELECT p, s, m, b, c, ARRAY[]::text[], w, e, FALSE
                FROM unnest(@p, @s, @m, @b, @c, @w, @e) AS t(p, s, m, b, c, w, e)
                """, connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter("p", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(r => r.PersistenceId).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("s", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = batch.Select(r => r.SequenceNr).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("m", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(r => r.Manifest).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("b", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = batch.Select(r => r.Payload).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("c", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = batch.Select(r => r.Timestamp.UtcTicks).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("w", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(r => r.WriterId).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("e", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = batch.Select(r => r.Epoch).ToArray() });
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
    }

    public override async Task<long> ReadAllAsync(string persistenceId)
    {
        await using var select = _dataSource.CreateCommand($"""
            SELECT {JournalTable.SelectColumns} FROM {_journal}
            WHERE {JournalTable.PersistenceId} = @persistence_id AND NOT {JournalTable.Deleted}
            ORDER BY {JournalTable.SequenceNr}
            """);
        select.Parameters.AddWithValue("persistence_id", persistenceId);
        await using var reader = await select.ExecuteReaderAsync();
        long count = 0;
        while (await reader.ReadAsync())
        {
            _ = new PersistentRepr(
                reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetFieldValue<byte[]>(4),
                new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero), reader.GetFieldValue<string[]>(6), reader.GetString(7), reader.GetInt64(8))
            {
                Ordering = reader.GetInt64(0),
                IsDeleted = reader.GetBoolean(9),
            };
            count++;
        }
        return count;
    }

    public override async Task SaveSnapshotAsync(SnapshotRow snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var save = _dataSource.CreateCommand($"""
            INSERT INTO {_snapshots} ({SnapshotTable.PersistenceId}, {SnapshotTable.SequenceNr}, {SnapshotTable.CreatedAt}, {SnapshotTable.Manifest}, {SnapshotTable.Payload})
            VALUES (@persistence_id, @sequence_nr, @created_at, @manifest, @payload)
            ON CONFLICT ({SnapshotTable.PersistenceId}, {SnapshotTable.SequenceNr}) DO UPDATE SET
                {SnapshotTable.CreatedAt} = excluded.{SnapshotTable.CreatedAt}, {SnapshotTable.Manifest} = excluded.{SnapshotTable.Manifest}, {SnapshotTable.Payload} = excluded.{SnapshotTable.Payload}
            """);
        save.Parameters.AddWithValue("persistence_id", snapshot.Metadata.PersistenceId);
        save.Parameters.AddWithValue("sequence_nr", snapshot.Metadata.SequenceNr);
        save.Parameters.AddWithValue("created_at", snapshot.Metadata.Timestamp.UtcTicks);
        save.Parameters.AddWithValue("manifest", snapshot.Manifest);
        save.Parameters.AddWithValue("payload", snapshot.Payload);
        await save.ExecuteNonQueryAsync();
    }

    public override async Task<SnapshotRow?> LoadSnapshotAsync(string persistenceId)
    {
        await using var load = _dataSource.CreateCommand($"""
            SELECT {SnapshotTable.SelectColumns} FROM {_snapshots}
            WHERE {SnapshotTable.PersistenceId} = @persistence_id
            ORDER BY {SnapshotTable.SequenceNr} DESC LIMIT 1
            """);
        load.Parameters.AddWithValue("persistence_id", persistenceId);
        await using var reader = await load.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return new SnapshotRow(
            new SnapshotMetadata(reader.GetString(0), reader.GetInt64(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero)),
            reader.GetString(3),
            reader.GetFieldValue<byte[]>(4));
    }

    public override async ValueTask DisposeAsync()
    {
        await using (var drop = _dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{_options.Schema}\" CASCADE"))
        {
            await drop.ExecuteNonQueryAsync();
        }
        await _dataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }
}
