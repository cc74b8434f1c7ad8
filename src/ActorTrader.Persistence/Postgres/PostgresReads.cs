using System.Data.Common;
using System.Runtime.CompilerServices;
using ActorTrader.Persistence.Sql;
using Npgsql;

namespace ActorTrader.Persistence.Postgres;

/// <summary>Reads on a pooled connection, streamed row by row, with errors explained.</summary>
internal static class PostgresReads
{
    public static async IAsyncEnumerable<T> StreamAsync<T>(
        PostgresDatabase database,
        string sql,
        Action<NpgsqlParameterCollection> bind,
        Func<DbDataReader, T> map,
        string operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(operation, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
            {
                bind(command.Parameters);
                await foreach (var row in RowStream.ReadAsync<T, NpgsqlException>(command, map, ex => database.Explain(ex, operation), cancellationToken).ConfigureAwait(false))
                {
                    yield return row;
                }
            }
        }
    }

    public static async Task<object?> ScalarAsync(PostgresDatabase database, string sql, Action<NpgsqlParameterCollection> bind, string operation, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(operation, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
            {
                bind(command.Parameters);
                try
                {
                    var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    return value is DBNull ? null : value;
                }
                catch (NpgsqlException ex)
                {
                    throw database.Explain(ex, operation);
                }
            }
        }
    }

    public static async Task<int> ExecuteAsync(PostgresDatabase database, string sql, Action<NpgsqlParameterCollection> bind, string operation, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(operation, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
            {
                bind(command.Parameters);
                try
                {
                    return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (NpgsqlException ex)
                {
                    throw database.Explain(ex, operation);
                }
            }
        }
    }
}
