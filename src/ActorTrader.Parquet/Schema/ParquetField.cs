namespace ActorTrader.Parquet;

/// <summary>One flat column of a schema: its name, logical type and whether it may hold nulls.</summary>
public sealed record ParquetField(string Name, ParquetColumnType Type, bool Nullable = false);
