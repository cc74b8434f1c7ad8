using Npgsql;
using NpgsqlTypes;

namespace ActorTrader.Cluster.Membership;

/// <summary>Membership rows in cluster_members; every age is judged by the database's clock_timestamp().</summary>
public sealed class MembershipStore(ClusterDatabase database)
{
    private readonly ClusterDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>Writes this node's row with a fresh heartbeat; a new incarnation replaces the old row (and its start time).</summary>
    public async Task HeartbeatAsync(ClusterOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sql = $"""
            INSERT INTO {_database.Table("cluster_members")} AS m (node_name, incarnation, address, roles, version, started_at, heartbeat_at, left_at)
            VALUES (@node, @incarnation, @address, @roles, @version, clock_timestamp(), clock_timestamp(), NULL)
            ON CONFLICT (node_name) DO UPDATE SET
                incarnation  = EXCLUDED.incarnation,
                address      = EXCLUDED.address,
                roles        = EXCLUDED.roles,
                version      = EXCLUDED.version,
                started_at   = CASE WHEN m.incarnation = EXCLUDED.incarnation THEN m.started_at ELSE EXCLUDED.started_at END,
                heartbeat_at = clock_timestamp(),
                left_at      = NULL
            """;
        await ExecuteAsync($"writing the heartbeat of node '{options.NodeName}'", sql, command =>
        {
            command.Parameters.AddWithValue("node", options.NodeName);
            command.Parameters.AddWithValue("incarnation", options.Incarnation);
            command.Parameters.AddWithValue("address", options.Address);
            command.Parameters.Add(new NpgsqlParameter("roles", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = options.Roles.ToArray() });
            command.Parameters.AddWithValue("version", options.Version);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks this incarnation as left; a newer incarnation's row is left alone.</summary>
    public async Task LeaveAsync(ClusterOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sql = $"UPDATE {_database.Table("cluster_members")} SET left_at = clock_timestamp() WHERE node_name = @node AND incarnation = @incarnation AND left_at IS NULL";
        await ExecuteAsync($"marking node '{options.NodeName}' as left", sql, command =>
        {
            command.Parameters.AddWithValue("node", options.NodeName);
            command.Parameters.AddWithValue("incarnation", options.Incarnation);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every member ordered by node name, with its status by the database's clock.</summary>
    public async Task<IReadOnlyList<Member>> ReadAsync(TimeSpan unreachableAfter, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT node_name, incarnation, address, roles, version, started_at, heartbeat_at,
                   CASE WHEN left_at IS NOT NULL THEN 2
                        WHEN heartbeat_at < clock_timestamp() - @unreachable THEN 1
                        ELSE 0 END
            FROM {_database.Table("cluster_members")}
            ORDER BY node_name COLLATE "C"
            """;
        var members = new List<Member>();
        await ExecuteAsync("reading the cluster members", sql, async command =>
        {
            command.Parameters.Add(new NpgsqlParameter("unreachable", NpgsqlDbType.Interval) { Value = unreachableAfter });
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    members.Add(new Member(
                        reader.GetString(0),
                        reader.GetGuid(1),
                        reader.GetString(2),
                        reader.GetFieldValue<string[]>(3),
                        reader.GetString(4),
                        reader.GetFieldValue<DateTimeOffset>(5),
                        reader.GetFieldValue<DateTimeOffset>(6),
                        (MemberStatus)reader.GetInt32(7)));
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        return members;
    }

    /// <summary>Deletes members that left or have been silent longer than <paramref name="removedAfter"/>; returns their names, ordered.</summary>
    public async Task<IReadOnlyList<string>> RemoveStaleAsync(TimeSpan removedAfter, CancellationToken cancellationToken)
    {
        var sql = $"""
            DELETE FROM {_database.Table("cluster_members")}
            WHERE left_at IS NOT NULL OR heartbeat_at < clock_timestamp() - @removed
            RETURNING node_name
            """;
        var removed = new List<string>();
        await ExecuteAsync("removing stale cluster members", sql, async command =>
        {
            command.Parameters.Add(new NpgsqlParameter("removed", NpgsqlDbType.Interval) { Value = removedAfter });
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) removed.Add(reader.GetString(0));
            }
        }, cancellationToken).ConfigureAwait(false);
        removed.Sort(StringComparer.Ordinal);
        return removed;
    }

    private Task ExecuteAsync(string operation, string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken) =>
        ExecuteAsync(operation, sql, async command =>
        {
            bind(command);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private Task ExecuteAsync(string operation, string sql, Func<NpgsqlCommand, Task> run, CancellationToken cancellationToken) =>
        _database.WithCommandAsync(operation, sql, run, cancellationToken);
}
