using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Benchmarks.Orders;

/// <summary>
/// Plain ADO.NET on a journal file the store created: one prepared INSERT into its table on a connection opened as the
/// store opens its own (WAL, synchronous=FULL). The floor a program pays to make a row durable in that file.
/// </summary>
internal sealed class RawJournalWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _persistenceId;
    private readonly SqliteParameter _sequenceNr;
    private readonly SqliteParameter _manifest;
    private readonly SqliteParameter _payload;
    private readonly SqliteParameter _createdAt;
    private readonly SqliteParameter _writerId;

    public RawJournalWriter(string path)
    {
        _connection = Open(path);
        _insert = _connection.CreateCommand();
        _insert.CommandText = $"""
            INSERT INTO {JournalTable.Name} ({JournalTable.PersistenceId}, {JournalTable.SequenceNr}, {JournalTable.Manifest}, {JournalTable.Payload},
                {JournalTable.CreatedAt}, {JournalTable.Tags}, {JournalTable.WriterId}, {JournalTable.WriterEpoch}, {JournalTable.Deleted})
            VALUES ($persistence_id, $sequence_nr, $manifest, $payload, $created_at, '', $writer_id, 0, 0)
            """;
        _persistenceId = _insert.Parameters.Add("$persistence_id", SqliteType.Text);
        _sequenceNr = _insert.Parameters.Add("$sequence_nr", SqliteType.Integer);
        _manifest = _insert.Parameters.Add("$manifest", SqliteType.Text);
        _payload = _insert.Parameters.Add("$payload", SqliteType.Blob);
        _createdAt = _insert.Parameters.Add("$created_at", SqliteType.Integer);
        _writerId = _insert.Parameters.Add("$writer_id", SqliteType.Text);
        _insert.Prepare();
    }

    /// <summary>One row in a transaction of its own: durable when this returns.</summary>
    public void Insert(PersistentRepr row) => Insert([row], 1);

    /// <summary>The rows in order, in transactions of <paramref name="batchSize"/> rows.</summary>
    public void Insert(IReadOnlyList<PersistentRepr> rows, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(rows);
        for (var start = 0; start < rows.Count; start += batchSize)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            _insert.Transaction = transaction;
            for (var i = start; i < Math.Min(rows.Count, start + batchSize); i++)
            {
                var row = rows[i];
                _persistenceId.Value = row.PersistenceId;
                _sequenceNr.Value = row.SequenceNr;
                _manifest.Value = row.Manifest;
                _payload.Value = row.Payload;
                _createdAt.Value = row.Timestamp.UtcTicks;
                _writerId.Value = row.WriterId;
                _insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    /// <summary>Reads every row of <paramref name="persistenceId"/> in sequence order, each column materialized; returns the count.</summary>
    public long ReadAll(string persistenceId)
    {
        using var select = _connection.CreateCommand();
        select.CommandText = $"""
            SELECT {JournalTable.SelectColumns} FROM {JournalTable.Name}
            WHERE {JournalTable.PersistenceId} = $persistence_id AND {JournalTable.Deleted} = 0
            ORDER BY {JournalTable.SequenceNr}
            """;
        select.Parameters.AddWithValue("$persistence_id", persistenceId);
        using var reader = select.ExecuteReader();
        long count = 0;
        while (reader.Read())
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

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }

    private static SqliteConnection Open(string path)
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
