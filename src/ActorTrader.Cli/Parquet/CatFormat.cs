namespace ActorTrader.Cli.Parquet;

/// <summary>Output format of <c>actortrader parquet cat</c>.</summary>
internal enum CatFormat
{
    /// <summary>RFC 4180 CSV with a header row; nulls are empty fields.</summary>
    Csv,

    /// <summary>JSON lines: one object per row, column names as keys, nulls as null.</summary>
    Json,
}
