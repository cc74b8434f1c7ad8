namespace ActorTrader.Parquet.Tests.Interop;

/// <summary>What DuckDB's parquet_metadata() reports for a file: its row-group count and, per column of row group 0, encodings and codec.</summary>
public sealed record DuckDbFileLayout(int RowGroups, IReadOnlyList<DuckDbColumnChunk> Chunks)
{
    public DuckDbColumnChunk Chunk(string column) =>
        Chunks.FirstOrDefault(c => c.Column == column)
        ?? throw new KeyNotFoundException($"DuckDB's parquet_metadata has no column chunk \"{column}\".");
}

/// <summary>One column chunk as parquet_metadata() reports it; <see cref="Encodings"/> is DuckDB's comma-separated list.</summary>
public sealed record DuckDbColumnChunk(string Column, string Encodings, string Compression)
{
    public bool UsesDictionary => Encodings.Contains("DICTIONARY", StringComparison.Ordinal);
}
