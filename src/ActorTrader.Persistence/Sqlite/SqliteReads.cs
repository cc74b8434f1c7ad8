using System.Data.Common;
using System.Runtime.CompilerServices;
using ActorTrader.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Persistence.Sqlite;

/// <summary>Reads on a fresh connection of their own (WAL readers never wait for the writer), streamed row by row.</summary>
internal static class SqliteReads
{
    public static async IAsyncEnumerable<T> StreamAsync<T>(
        SqliteDatabase database,
        string sql,
        Action<SqliteParameterCollection> bind,
        Func<DbDataReader, T> map,
        string operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connection = database.Open(writing: false, operation);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command.Parameters);
        await foreach (var row in RowStream.ReadAsync<T, SqliteException>(command, map, ex => database.Explain(ex, operation), cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    public static async Task<long> ScalarInt64Async(SqliteDatabase database, string sql, Action<SqliteParameterCollection> bind, string operation, CancellationToken cancellationToken)
    {
        using var connection = database.Open(writing: false, operation);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command.Parameters);
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException ex)
        {
            throw database.Explain(ex, operation);
        }
    }
}
