namespace ActorTrader.Parquet;

/// <summary>How <see cref="ParquetFileReader"/> decodes a row group.</summary>
public sealed record ParquetReadOptions
{
    private readonly int _maxDegreeOfParallelism = Environment.ProcessorCount;

    /// <summary>
    /// How many column chunks of one row group are decoded at the same time (each on its own thread-pool
    /// thread, the caller's thread included); 1 decodes them one after another on the caller's thread.
    /// Memory beyond the decoded arrays grows with it: one compressed chunk and one page buffer per
    /// column in flight. Defaults to <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxDegreeOfParallelism = value;
        }
    }
}
