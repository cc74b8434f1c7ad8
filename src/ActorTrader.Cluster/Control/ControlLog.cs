using System.Globalization;
using Npgsql;

namespace ActorTrader.Cluster.Control;

/// <summary>
/// The durable control log (cluster_control_log) and each node's cursor into it (cluster_control_cursor). An append
/// signals every node with NOTIFY on <see cref="Channel"/>; a node that missed it (or was down) reads after its cursor.
/// </summary>
/// <remarks>
/// Appends are serialised with a transaction-scoped advisory lock, so ids become visible in id order. Without it two
/// concurrent appenders could commit id 8 before id 7, a node could apply 8 and advance its cursor past 7, and 7 would
/// never be applied there. Appends are rare (an operator's halt or rebalance), so the lock costs nothing that matters.
/// </remarks>
public sealed class ControlLog(ClusterDatabase database)
{
    /// <summary>The NOTIFY channel; the payload is the new command's id.</summary>
    public const string Channel = "actortrader_control";

    /// <summary>The advisory lock key that orders appends ("Control" in ASCII); shared by every schema of a database.</summary>
    internal const long AppendLockKey = 0x436F6E74726F6C;

    private readonly ClusterDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    private string Log => _database.Table("cluster_control_log");

    private string Cursor => _database.Table("cluster_control_cursor");

    /// <summary>Appends a command and notifies every node when it commits; returns it with its id and the database's time.</summary>
    public async Task<ControlCommand> AppendAsync(string command, IReadOnlyDictionary<string, string> arguments, string issuedBy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command))
            throw new ArgumentException("A control command needs a name. Fix: pass e.g. \"halt\", \"resume\" or \"rebalance\".", nameof(command));
        if (string.IsNullOrWhiteSpace(issuedBy))
            throw new ArgumentException($"Control command '{command}' names no issuer. Fix: pass who issues it (user, CLI or node name).", nameof(issuedBy));
        ArgumentNullException.ThrowIfNull(arguments);
        var sorted = ControlArguments.Sorted(arguments);

        var operation = $"appending control command '{command}'";
        var connection = await _database.OpenAsync(operation, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    await ClusterDatabase.ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({AppendLockKey})", cancellationToken).ConfigureAwait(false);
                    var sql = $"INSERT INTO {Log} (command, arguments, issued_by) VALUES (@command, @arguments, @issued_by) RETURNING id, issued_at";
                    long id;
                    DateTimeOffset issuedAt;
                    var insert = new NpgsqlCommand(sql, connection, transaction);
                    await using (insert.ConfigureAwait(false))
                    {
                        insert.Parameters.AddWithValue("command", command);
                        insert.Parameters.AddWithValue("arguments", ControlArguments.ToJson(sorted));
                        insert.Parameters.AddWithValue("issued_by", issuedBy);
                        var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                        await using (reader.ConfigureAwait(false))
                        {
                            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                            id = reader.GetInt64(0);
                            issuedAt = reader.GetFieldValue<DateTimeOffset>(1);
                        }
                    }

                    // NOTIFY inside the transaction is delivered on commit, so no node is woken for a row it cannot see yet.
                    var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection, transaction);
                    await using (notify.ConfigureAwait(false))
                    {
                        notify.Parameters.AddWithValue("channel", Channel);
                        notify.Parameters.AddWithValue("payload", id.ToString(CultureInfo.InvariantCulture));
                        await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return new ControlCommand(id, command, sorted, issuedBy, issuedAt);
                }
            }
            catch (NpgsqlException ex)
            {
                throw _database.Explain(ex, operation);
            }
        }
    }

    /// <summary>Up to <paramref name="max"/> commands with an id above <paramref name="afterId"/>, in id order.</summary>
    public async Task<IReadOnlyList<ControlCommand>> ReadAfterAsync(long afterId, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var sql = $"SELECT id, command, arguments, issued_by, issued_at FROM {Log} WHERE id > @after ORDER BY id LIMIT @max";
        var commands = new List<ControlCommand>();
        await RunAsync($"reading control commands after id {afterId}", sql, async command =>
        {
            command.Parameters.AddWithValue("after", afterId);
            command.Parameters.AddWithValue("max", max);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var id = reader.GetInt64(0);
                    var arguments = ControlArguments.FromJson(reader.GetString(2), () => $"Control command {id} in {Log} of PostgreSQL {_database.Server}");
                    commands.Add(new ControlCommand(id, reader.GetString(1), arguments, reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        return commands;
    }

    /// <summary>The id of the last command <paramref name="nodeName"/> applied; 0 when it has applied none.</summary>
    public async Task<long> ReadCursorAsync(string nodeName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeName);
        var sql = $"SELECT last_applied FROM {Cursor} WHERE node_name = @node";
        long lastApplied = 0;
        await RunAsync($"reading the control cursor of node '{nodeName}'", sql, async command =>
        {
            command.Parameters.AddWithValue("node", nodeName);
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long id) lastApplied = id;
        }, cancellationToken).ConfigureAwait(false);
        return lastApplied;
    }

    /// <summary>Records that <paramref name="nodeName"/> applied everything up to <paramref name="appliedId"/>; a lower id leaves the cursor where it is.</summary>
    public async Task AdvanceCursorAsync(string nodeName, long appliedId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeName);
        var sql = $"""
            INSERT INTO {Cursor} AS c (node_name, last_applied, applied_at) VALUES (@node, @applied, clock_timestamp())
            ON CONFLICT (node_name) DO UPDATE SET
                last_applied = GREATEST(c.last_applied, EXCLUDED.last_applied),
                applied_at   = CASE WHEN EXCLUDED.last_applied > c.last_applied THEN EXCLUDED.applied_at ELSE c.applied_at END
            """;
        await RunAsync($"advancing the control cursor of node '{nodeName}' to {appliedId}", sql, async command =>
        {
            command.Parameters.AddWithValue("node", nodeName);
            command.Parameters.AddWithValue("applied", appliedId);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The id of the newest command; 0 when the log is empty.</summary>
    public async Task<long> LatestIdAsync(CancellationToken cancellationToken)
    {
        var sql = $"SELECT coalesce(max(id), 0) FROM {Log}";
        long latest = 0;
        await RunAsync("reading the newest control command id", sql, async command =>
        {
            latest = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }, cancellationToken).ConfigureAwait(false);
        return latest;
    }

    private Task RunAsync(string operation, string sql, Func<NpgsqlCommand, Task> run, CancellationToken cancellationToken) =>
        _database.WithCommandAsync(operation, sql, run, cancellationToken);
}
