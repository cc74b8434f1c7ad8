namespace ActorTrader.Parquet.Tests.Interop;

/// <summary>Arguments of write.mjs: DuckDB's COPY options. <see cref="Compression"/> uses DuckDB's names (snappy, gzip, uncompressed).</summary>
public sealed record DuckDbWriteOptions(int Rows, string Compression, int RowGroupSize, string ParquetVersion)
{
    public override string ToString() => $"{Rows} rows, {Compression}, row groups of {RowGroupSize}, PARQUET_VERSION {ParquetVersion}";
}
