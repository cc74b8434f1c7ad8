using ActorTrader.Persistence;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Snapshots;
using ActorTrader.Persistence.Sql;
using ActorTrader.Persistence.Sqlite;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Benchmarks.Persistence;

/// <summary>
/// A fresh SQLite journal file and the snapshot file the store keeps next to it, in a temporary directory, durable
/// as the store configures them (WAL, synchronous=FULL). The baseline uses a connection of its own to each file with
/// the same pragmas and prepared statements: the floor an ADO.NET program pays for the same rows in the same file.
/// </summary>
internal sealed class SqliteBenchmarkDatabase : BenchmarkDatabase
{
    private readonly string _directory;
    private readonly SqliteStoreOptions _options;
    private readonly SqliteConnection _connection;
    private readonly SqliteConnection _snapshotConnection;

    private SqliteBenchmarkDatabase(string directory, SqliteStoreOptions options, SqliteConnection connection, SqliteConnection snapshotConnection)
    {
        _directory = directory;
        _options = options;
        _connection = connection;
        _snapshotConnection = snapshotConnection;
    }

    public override string Name => "sqlite";

    public override string Description => "SQLite files (WAL, synchronous=FULL; snapshots in a file of their own)";

    /// <summary>Creates both files and their tables through the store, then opens the baseline's connections.</summary>
    public static async Task<SqliteBenchmarkDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "actortrader-persistence-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = new SqliteStoreOptions(Path.Combine(directory, "bench.db"));
        await using (var stores = SqliteStoreFactory.Create(options))
        {
            await stores.StartAsync();
        }
        var connection = OpenDurable(options.DatabasePath);
        try
        {
            return new SqliteBenchmarkDatabase(directory, options, connection, OpenDurable(options.SnapshotDatabasePath));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public override PersistenceStores CreateStores() => SqliteStoreFactory.Create(_options);

    public override Task InsertBatchedAsync(IReadOnlyList<PersistentRepr> rows, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var insert = _connection.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO {JournalTable.Name} ({JournalTable.PersistenceId}, {JournalTable.SequenceNr}, {JournalTable.Manifest}, {JournalTable.Payload},
                {JournalTable.CreatedAt}, {JournalTable.Tags}, {JournalTable.WriterId}, {JournalTable.WriterEpoch}, {JournalTable.Deleted})
            VALUES ($persistence_id, $sequence_nr, $manifest, $payload, $created_at, $tags, $writer_id, $writer_epoch, 0)
            """;
        var persistenceId = insert.Parameters.Add("$persistence_id", SqliteType.Text);
        var sequenceNr = insert.Parameters.Add("$sequence_nr", SqliteType.Integer);
        var manifest = insert.Parameters.Add("$manifest", SqliteType.Text);
        var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
        var createdAt = insert.Parameters.Add("$created_at", SqliteType.Integer);
        var tags = insert.Parameters.Add("$tags", SqliteType.Text);
        var writerId = insert.Parameters.Add("$writer_id", SqliteType.Text);
        var writerEpoch = insert.Parameters.Add("$writer_epoch", SqliteType.Integer);
        insert.Prepare();
        for (var start = 0; start < rows.Count; start += batchSize)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            insert.Transaction = transaction;
            var end = Math.Min(rows.Count, start + batchSize);
            for (var i = start; i < end; i++)
            {
                var row = rows[i];
                persistenceId.Value = row.PersistenceId;
                sequenceNr.Value = row.SequenceNr;
                manifest.Value = row.Manifest;
                payload.Value = row.Payload;
                createdAt.Value = row.Timestamp.UtcTicks;
                // The benchmark's rows carry no tags; the store encodes none as the empty text too.
                tags.Value = row.Tags.Count == 0 ? "" : throw new ArgumentException("The raw baseline writes untagged rows only.", nameof(rows));
                writerId.Value = row.WriterId;
                writerEpoch.Value = row.Epoch;
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        return Task.CompletedTask;
    }

    public override async Task<long> ReadAllAsync(string persistenceId)
    {
        await using var select = _connection.CreateCommand();
        select.CommandText = $"""
            SELECT {JournalTable.SelectColumns} FROM {JournalTable.Name}
            WHERE {JournalTable.PersistenceId} = $persistence_id AND {JournalTable.Deleted} = 0
            ORDER BY {JournalTable.SequenceNr}
            """;
        select.Parameters.AddWithValue("$persistence_id", persistenceId);
        await using var reader = await select.ExecuteReaderAsync();
        long count = 0;
        while (await reader.ReadAsync())
        {
            _ = new PersistentRepr(
                reader.GetString(1), reader.GetInt64(2), reader.GetString(3), (byte[])reader.GetValue(4),
                new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero), reader.GetString(6).Split('\u001F', StringSplitOptions.RemoveEmptyEntries), reader.GetString(7), reader.GetInt64(8))
            {
                Ordering = reader.GetInt64(0),
                IsDeleted = reader.GetInt64(9) != 0,
            };
            count++;
        }
        return count;
    }

    public override async Task SaveSnapshotAsync(SnapshotRow snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var save = _snapshotConnection.CreateCommand();
        save.CommandText = $"""
            INSERT INTO {SnapshotTable.Name} ({SnapshotTable.PersistenceId}, {SnapshotTable.SequenceNr}, {SnapshotTable.CreatedAt}, {SnapshotTable.Manifest}, {SnapshotTable.Payload})
            VALUES ($persistence_id, $sequence_nr, $created_at, $manifest, $payload)
            ON CONFLICT ({SnapshotTable.PersistenceId}, {SnapshotTable.SequenceNr}) DO UPDATE SET
                {SnapshotTable.CreatedAt} = excluded.{SnapshotTable.CreatedAt}, {SnapshotTable.Manifest} = excluded.{SnapshotTable.Manifest}, {SnapshotTable.Payload} = excluded.{SnapshotTable.Payload}
            """;
        save.Parameters.AddWithValue("$persistence_id", snapshot.Metadata.PersistenceId);
        save.Parameters.AddWithValue("$sequence_nr", snapshot.Metadata.SequenceNr);
        save.Parameters.AddWithValue("$created_at", snapshot.Metadata.Timestamp.UtcTicks);
        save.Parameters.AddWithValue("$manifest", snapshot.Manifest);
        save.Parameters.Add("$payload", SqliteType.Blob).Value = snapshot.Payload;
        await save.ExecuteNonQueryAsync();
    }

    public override async Task<SnapshotRow?> LoadSnapshotAsync(string persistenceId)
    {
        await using var load = _snapshotConnection.CreateCommand();
        load.CommandText = $"""
            SELECT {SnapshotTable.SelectColumns} FROM {SnapshotTable.Name}
            WHERE {SnapshotTable.PersistenceId} = $persistence_id
            ORDER BY {SnapshotTable.SequenceNr} DESC LIMIT 1
            """;
        load.Parameters.AddWithValue("$persistence_id", persistenceId);
        await using var reader = await load.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return new SnapshotRow(
            new SnapshotMetadata(reader.GetString(0), reader.GetInt64(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero)),
            reader.GetString(3),
            (byte[])reader.GetValue(4));
    }

    public override ValueTask DisposeAsync()
    {
        _connection.Dispose();
        _snapshotConnection.Dispose();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>An existing file opened as the store opens it: WAL, synchronous=FULL, a busy timeout.</summary>
    private static SqliteConnection OpenDurable(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
