using System.Data.Common;
using System.Runtime.CompilerServices;
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
        SqliteDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw database.Explain(ex, operation);
        }

        await using (reader.ConfigureAwait(false))
        {
            while (true)
            {
                bool hasRow;
                try
                {
                    hasRow = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SqliteException ex)
                {
                    throw database.Explain(ex, operation);
                }

                if (!hasRow)
                {
                    yield break;
                }

                yield return map(reader);
            }
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
