using Microsoft.Data.Sqlite;

namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>
/// Direct access to a SQLite file behind the stores' back, as another process would have: an unpooled connection
/// that never creates the file (a wrong path fails instead of testing an empty new database).
/// </summary>
public static class SqliteRawFile
{
    public static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A connection that holds <paramref name="path"/>'s write lock (BEGIN IMMEDIATE) until it is disposed.</summary>
    public static async Task<SqliteConnection> HoldWriteLockAsync(string path)
    {
        var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    public static async Task ExecuteAsync(string path, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The names of the tables in the file, sorted (SQLite's own tables left out).</summary>
    public static async Task<IReadOnlyList<string>> TablesAsync(string path)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}
