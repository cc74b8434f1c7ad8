using ActorTrader.Parquet;
namespace ActorTrader.Benchmarks.Parquet;

/// <summary>
/// The benchmark table: one-minute bars of 500 symbols (timestamp, symbol, open, high, low, close, volume),
/// sorted by time then symbol, built in memory as row-group-sized columns. Row i is symbol i % 500 at minute
/// i / 500; prices and volumes follow the same formulas as bench.mjs, so DuckDB writes the same table.
/// </summary>
internal static class BarsTable
{
    public const int Symbols = 500;

    private const long StartMicros = 1_704_067_200_000_000; // 2024-01-01T00:00:00Z

    public static ParquetSchema Schema { get; } = new(
        new ParquetField("timestamp", ParquetColumnType.Timestamp(TimestampUnit.Micros)),
        new ParquetField("symbol", ParquetColumnType.String),
        new ParquetField("open", ParquetColumnType.Double),
        new ParquetField("high", ParquetColumnType.Double),
        new ParquetField("low", ParquetColumnType.Double),
        new ParquetField("close", ParquetColumnType.Double),
        new ParquetField("volume", ParquetColumnType.Int64));

    /// <summary>Bytes of one row as plain values: 8 per timestamp, double and long, plus the symbol's 4 UTF-8 bytes.</summary>
    public const int LogicalBytesPerRow = 8 * 6 + 4;

    /// <summary>The table as row groups of <paramref name="rowGroupRows"/> rows (the last may be shorter).</summary>
    public static IReadOnlyList<IReadOnlyList<ParquetColumn>> RowGroups(int rows, int rowGroupRows)
    {
        var names = Enumerable.Range(0, Symbols).Select(s => $"S{s:D3}").ToArray();
        var groups = new List<IReadOnlyList<ParquetColumn>>();
        for (long first = 0; first < rows; first += rowGroupRows)
        {
            var count = (int)Math.Min(rowGroupRows, rows - first);
            var timestamp = new DateTime[count];
            var symbol = new string[count];
            double[] open = new double[count], high = new double[count], low = new double[count], close = new double[count];
            var volume = new long[count];
            for (var j = 0; j < count; j++)
            {
                var i = first + j;
                var s = i % Symbols;
                var minute = i / Symbols;
                timestamp[j] = DateTime.UnixEpoch.AddTicks((StartMicros + minute * 60_000_000) * 10);
                symbol[j] = names[s];
                var o = 100.0 + s + (minute % 390) * 0.01;
                open[j] = o;
                high[j] = o + ((i * 7) % 100) * 0.01;
                low[j] = o - ((i * 13) % 100) * 0.01;
                close[j] = low[j] + ((i * 17) % 100) * 0.01;
                volume[j] = 100 + (i * 31) % 100_000;
            }
            Array[] values = [timestamp, symbol, open, high, low, close, volume];
            groups.Add(Schema.Fields.Select((field, c) => new ParquetColumn(field, values[c])).ToList());
        }
        return groups;
    }
}
