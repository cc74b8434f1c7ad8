using ActorTrader.Parquet;

namespace ActorTrader.Cli.Parquet;

/// <summary>
/// What a CSV column becomes in Parquet, inferred from its values (most specific first: Bool, Int64, Double,
/// Date, Timestamp, else String) or given with <c>--schema name:type</c>.
/// </summary>
internal sealed record CsvColumnKind(string Name, ParquetColumnType Type)
{
    public static CsvColumnKind Bool { get; } = new("bool", ParquetColumnType.Boolean);

    public static CsvColumnKind Int32 { get; } = new("int32", ParquetColumnType.Int32);

    public static CsvColumnKind Int64 { get; } = new("int64", ParquetColumnType.Int64);

    public static CsvColumnKind Float { get; } = new("float", ParquetColumnType.Float);

    public static CsvColumnKind Double { get; } = new("double", ParquetColumnType.Double);

    public static CsvColumnKind Date { get; } = new("date", ParquetColumnType.Date);

    /// <summary>ISO-8601 timestamps, stored as UTC microseconds; text without an offset is taken as UTC.</summary>
    public static CsvColumnKind Timestamp { get; } = new("timestamp", ParquetColumnType.Timestamp(TimestampUnit.Micros));

    public static CsvColumnKind String { get; } = new("string", ParquetColumnType.String);

    /// <summary>The kinds inference tries, most specific first.</summary>
    public static IReadOnlyList<CsvColumnKind> Inferable { get; } = [Bool, Int64, Double, Date, Timestamp, String];

    /// <summary>The names accepted by --schema.</summary>
    public const string SchemaTypes = "bool, int32, int64, float, double, date, timestamp, string, decimal(P,S)";

    public static CsvColumnKind Decimal(int precision, int scale) => new($"decimal({precision},{scale})", ParquetColumnType.Decimal(precision, scale));
}
