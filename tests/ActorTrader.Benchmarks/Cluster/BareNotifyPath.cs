using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace ActorTrader.Benchmarks.Cluster;

/// <summary>
/// The baseline of the control bus: N bare NpgsqlConnections (unpooled) in LISTEN on a private channel, and an issuer
/// that runs a plain <c>BEGIN; INSERT … RETURNING id; SELECT pg_notify(channel, id); COMMIT</c> on a pooled connection
/// per message (as the control log does, minus its advisory lock), timed from the start of that transaction to each
/// connection's Notification event. No actor, no read of the log, no apply, no cursor.
/// </summary>
internal sealed class BareNotifyPath : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ClusterBenchmarkDatabase _database;
    private readonly string _channel;
    private readonly string _table;
    private readonly List<NpgsqlConnection> _listeners = [];
    private readonly List<Task> _loops = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly DeliveryRecorder _recorder = new();
    private int _round;

    private BareNotifyPath(ClusterBenchmarkDatabase database, int count)
    {
        _database = database;
        _channel = $"{database.Schema}_bare";
        _table = database.Table("bench_notify");
        Nodes = Enumerable.Range(1, count).Select(i => $"bare{i.ToString(CultureInfo.InvariantCulture)}").ToList();
    }

    public IReadOnlyList<string> Nodes { get; }

    public static async Task<BareNotifyPath> StartAsync(ClusterBenchmarkDatabase database, int count)
    {
        var path = new BareNotifyPath(database, count);
        await using (var create = database.Command($"CREATE TABLE IF NOT EXISTS {path._table} (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload TEXT NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())"))
        {
            await create.ExecuteNonQueryAsync();
        }
        foreach (var node in path.Nodes) await path.ListenAsync(node);
        return path;
    }

    /// <summary>Sends <paramref name="messages"/> notifications <paramref name="spacing"/> apart; milliseconds from each transaction's start to each listener's delivery.</summary>
    public async Task<IReadOnlyList<double>> RoundAsync(int messages, TimeSpan spacing)
    {
        var round = ++_round;
        var starts = new Dictionary<long, long>(messages);
        for (var i = 0; i < messages; i++)
        {
            var start = Stopwatch.GetTimestamp();
            starts.Add(await InsertAndNotifyAsync($"round {round} message {i}"), start);
            await Task.Delay(spacing);
        }
        await _recorder.AwaitAsync(messages * Nodes.Count, Patience, $"bare NOTIFY round {round}");
        return _recorder.LatenciesMs(starts, Nodes);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var loop in _loops)
        {
            try
            {
                await loop;
            }
            catch (OperationCanceledException)
            {
                // The loop ends by this cancellation.
            }
        }
        foreach (var connection in _listeners) await connection.DisposeAsync();
        _stop.Dispose();
        _recorder.Dispose();
    }

    private async Task<long> InsertAndNotifyAsync(string payload)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        long id;
        await using (var insert = new NpgsqlCommand($"INSERT INTO {_table} (payload) VALUES (@payload) RETURNING id", connection, transaction))
        {
            insert.Parameters.AddWithValue("payload", payload);
            id = (long)(await insert.ExecuteScalarAsync())!;
        }
        await using (var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @id)", connection, transaction))
        {
            notify.Parameters.AddWithValue("channel", _channel);
            notify.Parameters.AddWithValue("id", id.ToString(CultureInfo.InvariantCulture));
            await notify.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return id;
    }

    private async Task ListenAsync(string node)
    {
        var builder = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false, ApplicationName = $"clusterbench-{node}" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        _listeners.Add(connection);
        connection.Notification += (_, e) =>
        {
            if (e.Channel == _channel) _recorder.Record(node, long.Parse(e.Payload, CultureInfo.InvariantCulture), Stopwatch.GetTimestamp());
        };
        await connection.OpenAsync();
        await using (var listen = new NpgsqlCommand($"LISTEN \"{_channel}\"", connection))
        {
            await listen.ExecuteNonQueryAsync();
        }
        var token = _stop.Token;
        _loops.Add(Task.Run(async () =>
        {
            while (true) await connection.WaitAsync(token);
        }, CancellationToken.None));
    }
}
