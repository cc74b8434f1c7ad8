using System.Data.Common;
using System.Runtime.CompilerServices;

namespace ActorTrader.Persistence.Sql;

/// <summary>
/// Runs a prepared query and yields its rows one by one, for both backends. Each backend's own database error
/// (<typeparamref name="TError"/>) is turned into a <see cref="Journal.PersistenceStoreException"/> by <paramref name="explain"/>,
/// on execute and on every row read, so a failure mid-stream is as clear as one at the start.
/// </summary>
internal static class RowStream
{
    public static async IAsyncEnumerable<T> ReadAsync<T, TError>(
        DbCommand command,
        Func<DbDataReader, T> map,
        Func<TError, Exception> explain,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TError : DbException
    {
        DbDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TError ex)
        {
            throw explain(ex);
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
                catch (TError ex)
                {
                    throw explain(ex);
                }

                if (!hasRow)
                {
                    yield break;
                }

                yield return map(reader);
            }
        }
    }
}
