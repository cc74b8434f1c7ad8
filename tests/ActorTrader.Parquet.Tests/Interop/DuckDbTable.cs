namespace ActorTrader.Parquet.Tests.Interop;

/// <summary>A table as DuckDB saw it: columns with DuckDB's type names, rows of canonical text (see canonical.mjs), and the file's layout.</summary>
public sealed record DuckDbTable(string Version, IReadOnlyList<DuckDbColumn> Columns, IReadOnlyList<string?[]> Rows, DuckDbFileLayout Layout)
{
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column) return i;
        }
        throw new KeyNotFoundException($"DuckDB's table has no column \"{column}\"; it has {string.Join(", ", Columns.Select(c => c.Name))}.");
    }
}

/// <summary>One column of a <see cref="DuckDbTable"/>: its name and DuckDB's type name (e.g. USMALLINT, TIMESTAMP WITH TIME ZONE).</summary>
public sealed record DuckDbColumn(string Name, string Type);
