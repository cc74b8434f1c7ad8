using Npgsql;

namespace ActorTrader.Cluster.Control;

/// <summary>
/// One LISTEN connection on <see cref="ControlLog.Channel"/>, outside the pool (a pooled connection would be handed to
/// others and lose the LISTEN). Runs until the connection fails (the task faults) or it is cancelled.
/// </summary>
internal static class ControlNotifications
{
    // Npgsql sends a keepalive query after this many idle seconds, so a silently dropped connection is noticed.
    private const int KeepAliveSeconds = 15;

    /// <summary>The application_name of a node's LISTEN connection (pg_stat_activity shows whose it is).</summary>
    public static string ApplicationName(string nodeName) => $"actortrader-control:{nodeName}";

    public static async Task ListenAsync(ClusterDatabase database, string nodeName, Action onListening, Action onNotification, CancellationToken cancellationToken)
    {
        var operation = $"listening for control commands on node '{nodeName}'";
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Pooling = false,
            ApplicationName = ApplicationName(nodeName),
            KeepAlive = KeepAliveSeconds,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            connection.Notification += (_, e) =>
            {
                if (e.Channel == ControlLog.Channel) onNotification();
            };
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await ClusterDatabase.ExecuteAsync(connection, $"LISTEN {ControlLog.Channel}", cancellationToken).ConfigureAwait(false);
                onListening();
                while (true) await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw database.Explain(ex, operation);
            }
        }
    }
}
