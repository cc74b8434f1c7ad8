using System.Text;

namespace ActorTrader.Parquet;

/// <summary>
/// A Parquet file could not be read or written. The message names the file, row group and column
/// when they are known, and says what to do about it.
/// </summary>
public class ParquetException : Exception
{
    /// <summary>Creates an exception without location (prefer the located constructor).</summary>
    public ParquetException()
    {
    }

    /// <summary>Creates an exception with a message and no location.</summary>
    public ParquetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message, a cause and no location.</summary>
    public ParquetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception whose message is prefixed with the file, row group and column.</summary>
    public ParquetException(string problem, string? file, int? rowGroup, string? column, Exception? innerException = null)
        : base(Describe(problem, file, rowGroup, column), innerException)
    {
        File = file;
        RowGroup = rowGroup;
        Column = column;
    }

    /// <summary>The file being read or written, when known.</summary>
    public string? File { get; }

    /// <summary>The zero-based row group, when known.</summary>
    public int? RowGroup { get; }

    /// <summary>The column (dotted path for nested leaves), when known.</summary>
    public string? Column { get; }

    private static string Describe(string problem, string? file, int? rowGroup, string? column)
    {
        var where = new StringBuilder();
        if (file is not null)
        {
            where.Append(file);
        }

        if (rowGroup is not null)
        {
            where.Append(where.Length > 0 ? ", " : string.Empty).Append("row group ").Append(rowGroup.Value);
        }

        if (column is not null)
        {
            where.Append(where.Length > 0 ? ", " : string.Empty).Append("column '").Append(column).Append('\'');
        }

        return where.Length == 0 ? problem : $"{where}: {problem}";
    }
}
