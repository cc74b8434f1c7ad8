using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace ActorTrader.Cluster.WorkQueues;

/// <summary>
/// Durable work queues in cluster_work (Oban/River style): producers enqueue keyed items, any node's workers claim them
/// with FOR UPDATE SKIP LOCKED (two workers never get the same item), a claim is invisible to others until its
/// visibility timeout on the database's clock passes (a dead or stalled worker's item is then claimed again), and the
/// first result written wins. An item that used up its attempts is dead, with the last error kept.
/// </summary>
public sealed class WorkQueue(ClusterDatabase database)
{
    private readonly ClusterDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    private string Table => _database.Table("cluster_work");

    /// <summary>Enqueues the items whose key is new in <paramref name="queue"/> (in list order); returns how many were new. Enqueueing a key again is harmless.</summary>
    public async Task<int> EnqueueAsync(string queue, IReadOnlyList<WorkRequest> items, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return 0;
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
            if (string.IsNullOrEmpty(item.Key))
                throw new ArgumentException($"A work item for queue '{queue}' has no key. Fix: give every item a deterministic key (the same work, the same key).", nameof(items));
            ArgumentNullException.ThrowIfNull(item.Payload, nameof(items));
            if (item.MaxAttempts < 1)
                throw new ArgumentOutOfRangeException(nameof(items), item.MaxAttempts, $"Work item '{item.Key}' of queue '{queue}' allows {item.MaxAttempts} attempts. Fix: allow at least 1.");
        }
        var sql = $"""
            INSERT INTO {Table} (queue, work_key, payload, max_attempts)
            SELECT @queue, x.work_key, x.payload, x.max_attempts
            FROM unnest(@keys, @payloads, @max_attempts) WITH ORDINALITY AS x(work_key, payload, max_attempts, ordinal)
            ORDER BY x.ordinal
            ON CONFLICT (queue, work_key) DO NOTHING
            """;
        return await WithCommandAsync($"enqueueing {items.Count} item(s) on work queue '{queue}'", sql, command =>
        {
            command.Parameters.AddWithValue("queue", queue);
            command.Parameters.AddWithValue("keys", items.Select(i => i.Key).ToArray());
            command.Parameters.AddWithValue("payloads", items.Select(i => i.Payload).ToArray());
            command.Parameters.AddWithValue("max_attempts", items.Select(i => i.MaxAttempts).ToArray());
            return command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> visible items of <paramref name="queue"/> (oldest first) for <paramref name="worker"/>,
    /// invisible to other workers for <paramref name="visibilityTimeout"/>. Expired claims that used their last attempt are
    /// first moved to dead, naming the worker that held them.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedWork>> ClaimAsync(string queue, string worker, int max, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ArgumentException.ThrowIfNullOrEmpty(worker);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.Zero);
        if (max <= 0) return [];
        var deadLetter = $"""
            UPDATE {Table} SET status = 'dead', claim_token = NULL, completed_at = clock_timestamp(),
                last_error = 'visibility timeout expired after ' || attempts || ' attempts (worker ' || coalesce(claimed_by, '?') || ')'
                    || CASE WHEN last_error IS NULL THEN '' ELSE '; last error: ' || last_error END
            WHERE queue = @queue AND status = 'claimed' AND visible_at <= clock_timestamp() AND attempts >= max_attempts
            """;
        // The CTE locks the chosen rows once (SKIP LOCKED passes over rows another claimer holds), so concurrent claims split the items.
        var claim = $"""
            WITH next AS (
                SELECT id FROM {Table}
                WHERE queue = @queue AND status IN ('ready', 'claimed') AND visible_at <= clock_timestamp() AND attempts < max_attempts
                ORDER BY id
                LIMIT @max
                FOR UPDATE SKIP LOCKED)
            UPDATE {Table} AS w SET status = 'claimed', attempts = w.attempts + 1, claimed_by = @worker,
                claim_token = gen_random_uuid(), visible_at = clock_timestamp() + @timeout
            FROM next WHERE w.id = next.id
            RETURNING w.id, w.queue, w.work_key, w.payload, w.attempts, w.claim_token
            """;
        var operation = string.Create(CultureInfo.InvariantCulture, $"claiming up to {max} item(s) of work queue '{queue}' for {worker}");
        var connection = await _database.OpenAsync(operation, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                var expire = new NpgsqlCommand(deadLetter, connection);
                await using (expire.ConfigureAwait(false))
                {
                    expire.Parameters.AddWithValue("queue", queue);
                    await expire.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                var command = new NpgsqlCommand(claim, connection);
                await using (command.ConfigureAwait(false))
                {
                    command.Parameters.AddWithValue("queue", queue);
                    command.Parameters.AddWithValue("worker", worker);
                    command.Parameters.AddWithValue("max", max);
                    command.Parameters.Add(new NpgsqlParameter("timeout", NpgsqlDbType.Interval) { Value = visibilityTimeout });
                    var claimed = new List<ClaimedWork>();
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            claimed.Add(new ClaimedWork(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetGuid(5)));
                        }
                    }
                    claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
                    return claimed;
                }
            }
            catch (NpgsqlException ex)
            {
                throw _database.Explain(ex, operation);
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="result"/> and marks the item done while <paramref name="claim"/> still holds it. False when the
    /// claim was lost (expired and taken over, finished by another worker, or dead): a result already written is never replaced.
    /// </summary>
    public async Task<bool> CompleteAsync(ClaimedWork claim, string result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(result);
        var sql = $"""
            UPDATE {Table} SET status = 'done', result = @result, completed_at = clock_timestamp(), claim_token = NULL
            WHERE id = @id AND status = 'claimed' AND claim_token = @token
            """;
        return await WithCommandAsync(Describe("completing", claim), sql, async command =>
        {
            AddClaim(command, claim);
            command.Parameters.AddWithValue("result", result);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a failed attempt: the item is claimable again after <paramref name="retryDelay"/>, or dead when it used its
    /// last attempt; <paramref name="error"/> is kept as its last error. Nothing happens when the claim was already lost.
    /// </summary>
    public async Task FailAsync(ClaimedWork claim, string error, TimeSpan retryDelay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryDelay, TimeSpan.Zero);
        var sql = $"""
            UPDATE {Table} SET
                status = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'ready' END,
                completed_at = CASE WHEN attempts >= max_attempts THEN clock_timestamp() END,
                visible_at = clock_timestamp() + @delay, last_error = @error, claim_token = NULL
            WHERE id = @id AND status = 'claimed' AND claim_token = @token
            """;
        await WithCommandAsync(Describe("failing", claim), sql, command =>
        {
            AddClaim(command, claim);
            command.Parameters.AddWithValue("error", error);
            command.Parameters.Add(new NpgsqlParameter("delay", NpgsqlDbType.Interval) { Value = retryDelay });
            return command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Keeps a long item invisible for another <paramref name="visibilityTimeout"/> from now; false when the claim was lost.</summary>
    public async Task<bool> ExtendAsync(ClaimedWork claim, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.Zero);
        var sql = $"""
            UPDATE {Table} SET visible_at = clock_timestamp() + @timeout
            WHERE id = @id AND status = 'claimed' AND claim_token = @token
            """;
        return await WithCommandAsync(Describe("extending", claim), sql, async command =>
        {
            AddClaim(command, claim);
            command.Parameters.Add(new NpgsqlParameter("timeout", NpgsqlDbType.Interval) { Value = visibilityTimeout });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The outcome of each of <paramref name="keys"/> that is in <paramref name="queue"/> (keys never enqueued or deleted are absent).</summary>
    public async Task<IReadOnlyDictionary<string, WorkOutcome>> ReadOutcomesAsync(string queue, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ArgumentNullException.ThrowIfNull(keys);
        var outcomes = new Dictionary<string, WorkOutcome>(StringComparer.Ordinal);
        if (keys.Count == 0) return outcomes;
        var sql = $"""
            SELECT work_key, status, result, last_error, attempts, claimed_by FROM {Table}
            WHERE queue = @queue AND work_key = ANY(@keys)
            """;
        return await WithCommandAsync($"reading {keys.Count} outcome(s) of work queue '{queue}'", sql, async command =>
        {
            command.Parameters.AddWithValue("queue", queue);
            command.Parameters.AddWithValue("keys", keys.ToArray());
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var key = reader.GetString(0);
                    outcomes[key] = new WorkOutcome(key, reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3), reader.GetInt32(4), NullableString(reader, 5));
                }
            }
            return (IReadOnlyDictionary<string, WorkOutcome>)outcomes;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WorkQueueCounts> CountsAsync(string queue, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        var sql = $"""
            SELECT count(*) FILTER (WHERE status = 'ready'), count(*) FILTER (WHERE status = 'claimed'),
                   count(*) FILTER (WHERE status = 'done'), count(*) FILTER (WHERE status = 'dead')
            FROM {Table} WHERE queue = @queue
            """;
        return await WithCommandAsync($"counting the items of work queue '{queue}'", sql, async command =>
        {
            command.Parameters.AddWithValue("queue", queue);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                return new WorkQueueCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the items of <paramref name="keys"/> whatever their status (cleanup of a finished batch); returns how many there were.</summary>
    public async Task<int> DeleteAsync(string queue, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) return 0;
        var sql = $"DELETE FROM {Table} WHERE queue = @queue AND work_key = ANY(@keys)";
        return await WithCommandAsync($"deleting {keys.Count} item(s) of work queue '{queue}'", sql, command =>
        {
            command.Parameters.AddWithValue("queue", queue);
            command.Parameters.AddWithValue("keys", keys.ToArray());
            return command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static string Describe(string action, ClaimedWork claim) =>
        string.Create(CultureInfo.InvariantCulture, $"{action} item '{claim.Key}' (id {claim.Id}, attempt {claim.Attempt}) of work queue '{claim.Queue}'");

    private static void AddClaim(NpgsqlCommand command, ClaimedWork claim)
    {
        command.Parameters.AddWithValue("id", claim.Id);
        command.Parameters.AddWithValue("token", claim.ClaimToken);
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private Task<T> WithCommandAsync<T>(string operation, string sql, Func<NpgsqlCommand, Task<T>> run, CancellationToken cancellationToken) =>
        _database.WithCommandAsync(operation, sql, run, cancellationToken);
}
