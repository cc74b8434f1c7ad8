using ActorTrader.Parquet;

namespace ActorTrader.Benchmarks.Parquet;

/// <summary>
/// The independent implementation the parquet suite measures ActorTrader.Parquet against in the same run: DuckDB when
/// it can be installed and started here, otherwise a raw binary writer/reader of the same arrays
/// (<see cref="ParquetBaselineChoice"/> picks one).
/// </summary>
internal interface IParquetBaseline
{
    /// <summary>
    /// Writes the bars table (<paramref name="table"/>, or the baseline's own copy of the same rows) into
    /// <paramref name="directory"/> with <paramref name="threads"/> threads (null: the baseline's default).
    /// </summary>
    Task<BaselineWrite> WriteAsync(string directory, IReadOnlyList<IReadOnlyList<ParquetColumn>> table, int rows, int rowGroupRows, int? threads);

    /// <summary>
    /// Reads every column of every row back and sums it: DuckDB reads <paramref name="ourFile"/>, the raw reader the
    /// files its last <see cref="WriteAsync"/> left in <paramref name="directory"/>.
    /// </summary>
    Task<BaselineRead> ReadAsync(string directory, string ourFile, int? threads);

    /// <summary>What a write figure's baseline measured, e.g. "DuckDB at its default 2 threads: COPY ...".</summary>
    string DescribeWrite(int threads, bool defaultThreads);

    /// <summary>What a read figure's baseline measured.</summary>
    string DescribeRead(int threads, bool defaultThreads);

    /// <summary>What file_size_mb's baseline is.</summary>
    string FileSizeKind { get; }
}
