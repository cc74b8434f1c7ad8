using Npgsql;
using NpgsqlTypes;

namespace ActorTrader.Cluster.Leases;

/// <summary>
/// Leases in cluster_leases. Every decision is one statement judged by the database's clock_timestamp(), so two nodes
/// racing for a lease serialise on its row and exactly one wins, whatever their own clocks say.
/// </summary>
public sealed class LeaseStore(ClusterDatabase database)
{
    private readonly ClusterDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>
    /// Takes the lease when it is missing, expired or already held by <paramref name="holder"/>. A take raises the
    /// epoch by one; a holder re-acquiring its still valid lease keeps the epoch and only extends it. Null when another
    /// holder's lease is valid.
    /// </summary>
    public async Task<LeaseGrant?> TryAcquireAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        RequirePositive(ttl, name);
        // ON CONFLICT DO UPDATE locks the row and re-checks the WHERE on its newest version: race-free between nodes.
        var sql = $"""
            INSERT INTO {_database.Table("cluster_leases")} AS l (name, holder, epoch, acquired_at, expires_at)
            VALUES (@name, @holder, 1, clock_timestamp(), clock_timestamp() + @ttl)
            ON CONFLICT (name) DO UPDATE SET
                holder      = EXCLUDED.holder,
                epoch       = CASE WHEN l.holder = EXCLUDED.holder AND l.expires_at > clock_timestamp() THEN l.epoch ELSE l.epoch + 1 END,
                acquired_at = CASE WHEN l.holder = EXCLUDED.holder AND l.expires_at > clock_timestamp() THEN l.acquired_at ELSE clock_timestamp() END,
                expires_at  = clock_timestamp() + @ttl
            WHERE l.expires_at <= clock_timestamp() OR l.holder = EXCLUDED.holder
            RETURNING l.epoch, l.expires_at
            """;
        return await WithCommandAsync($"acquiring lease '{name}' for {holder}", sql, async command =>
        {
            command.Parameters.AddWithValue("name", name);
            command.Parameters.AddWithValue("holder", holder);
            command.Parameters.Add(new NpgsqlParameter("ttl", NpgsqlDbType.Interval) { Value = ttl });
            return await ReadGrantAsync(command, name, holder, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Extends the lease while it is still this grant's (same holder and epoch) and unexpired; null when it was lost.
    /// An expired lease is never renewed, even if nobody took it: a holder paused past its TTL has lost it.
    /// </summary>
    public async Task<LeaseGrant?> RenewAsync(LeaseGrant grant, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        RequirePositive(ttl, grant.Name);
        var sql = $"""
            UPDATE {_database.Table("cluster_leases")} AS l SET expires_at = clock_timestamp() + @ttl
            WHERE l.name = @name AND l.holder = @holder AND l.epoch = @epoch AND l.expires_at > clock_timestamp()
            RETURNING l.epoch, l.expires_at
            """;
        return await WithCommandAsync($"renewing lease '{grant.Name}' (epoch {grant.Epoch}) for {grant.Holder}", sql, async command =>
        {
            AddGrant(command, grant);
            command.Parameters.Add(new NpgsqlParameter("ttl", NpgsqlDbType.Interval) { Value = ttl });
            return await ReadGrantAsync(command, grant.Name, grant.Holder, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Expires the lease now if it is still this grant's, so a standby takes it at once; false when it was already lost.</summary>
    public async Task<bool> ReleaseAsync(LeaseGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var sql = $"""
            UPDATE {_database.Table("cluster_leases")} AS l SET expires_at = clock_timestamp()
            WHERE l.name = @name AND l.holder = @holder AND l.epoch = @epoch AND l.expires_at > clock_timestamp()
            """;
        return await WithCommandAsync($"releasing lease '{grant.Name}' (epoch {grant.Epoch}) of {grant.Holder}", sql, async command =>
        {
            AddGrant(command, grant);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Expires every lease <paramref name="holder"/> still holds (a node's last step of a graceful shutdown), so standbys
    /// take over at once instead of after the TTL; returns the names released. Safe while the holder's actors still run:
    /// their later writes carry the old epoch and the fence refuses them.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReleaseAllHeldByAsync(string holder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(holder);
        var sql = $"""
            UPDATE {_database.Table("cluster_leases")} AS l SET expires_at = clock_timestamp()
            WHERE l.holder = @holder AND l.expires_at > clock_timestamp()
            RETURNING l.name
            """;
        return await WithCommandAsync($"releasing the leases of {holder}", sql, async command =>
        {
            command.Parameters.AddWithValue("holder", holder);
            var names = new List<string>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) names.Add(reader.GetString(0));
            }
            return (IReadOnlyList<string>)[.. names.Order(StringComparer.Ordinal)];
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every lease, ordered by name.</summary>
    public async Task<IReadOnlyList<LeaseView>> ListAsync(CancellationToken cancellationToken)
    {
        var sql = $"SELECT name, holder, epoch, expires_at, expires_at > clock_timestamp() FROM {_database.Table("cluster_leases")} ORDER BY name COLLATE \"C\"";
        return await WithCommandAsync("listing leases", sql, async command =>
        {
            var views = new List<LeaseView>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) views.Add(ReadView(reader));
            }

            return (IReadOnlyList<LeaseView>)views;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One lease, or null when it has no row yet.</summary>
    public async Task<LeaseView?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var sql = $"SELECT name, holder, epoch, expires_at, expires_at > clock_timestamp() FROM {_database.Table("cluster_leases")} WHERE name = @name";
        return await WithCommandAsync($"reading lease '{name}'", sql, async command =>
        {
            command.Parameters.AddWithValue("name", name);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadView(reader) : null;
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes the database fence these persistence ids with <paramref name="leaseName"/> (an existing pattern moves to it).</summary>
    public async Task RegisterScopesAsync(string leaseName, IReadOnlyList<LeaseScope> scopes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseName);
        ArgumentNullException.ThrowIfNull(scopes);
        if (scopes.Count == 0) return;
        var sql = $"""
            INSERT INTO {_database.Table("cluster_lease_scopes")} (pattern, is_prefix, lease_name)
            SELECT pattern, is_prefix, @lease FROM unnest(@patterns, @prefixes) AS s(pattern, is_prefix)
            ON CONFLICT (pattern) DO UPDATE SET is_prefix = EXCLUDED.is_prefix, lease_name = EXCLUDED.lease_name
            """;
        await WithCommandAsync($"registering {scopes.Count} scopes of lease '{leaseName}'", sql, async command =>
        {
            command.Parameters.AddWithValue("lease", leaseName);
            command.Parameters.Add(new NpgsqlParameter("patterns", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = scopes.Select(s => s.Pattern).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("prefixes", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = scopes.Select(s => s.IsPrefix).ToArray() });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static void RequirePositive(TimeSpan ttl, string name)
    {
        if (ttl <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, $"The TTL of lease '{name}' must be positive. Fix: set actortrader.cluster.lease-ttl to a positive duration.");
        }
    }

    private static void AddGrant(NpgsqlCommand command, LeaseGrant grant)
    {
        command.Parameters.AddWithValue("name", grant.Name);
        command.Parameters.AddWithValue("holder", grant.Holder);
        command.Parameters.AddWithValue("epoch", grant.Epoch);
    }

    private static async Task<LeaseGrant?> ReadGrantAsync(NpgsqlCommand command, string name, string holder, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            return new LeaseGrant(name, holder, reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1));
        }
    }

    private static LeaseView ReadView(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.IsDBNull(1) ? null : reader.GetString(1),
        reader.GetInt64(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.GetBoolean(4));

    private Task<T> WithCommandAsync<T>(string operation, string sql, Func<NpgsqlCommand, Task<T>> run, CancellationToken cancellationToken) =>
        _database.WithCommandAsync(operation, sql, run, cancellationToken);
}
