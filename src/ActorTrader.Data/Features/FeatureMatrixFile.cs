using ActorTrader.Domain.Instruments;
using ActorTrader.Parquet;

namespace ActorTrader.Data.Features;

/// <summary>
/// The layout of <c>features_matrix.parquet</c>, in long form — one row per (timestamp, symbol) — because it appends
/// and filters by symbol cheaply and keeps the schema fixed as symbols come and go (a wide table would need a column
/// per symbol). Columns: timestamp TIMESTAMP(MICROS, UTC), symbol STRING, close DOUBLE, rating_all, rating_ma,
/// rating_oscillators DOUBLE (null during warm-up). Rows are sorted by symbol then timestamp, one row group per symbol,
/// so a reader can pick a symbol from the footer statistics alone.
/// </summary>
public static class FeatureMatrixFile
{
    internal static ParquetSchema Schema { get; } = new(
        new ParquetField("timestamp", ParquetColumnType.Timestamp(TimestampUnit.Micros)),
        new ParquetField("symbol", ParquetColumnType.String),
        new ParquetField("close", ParquetColumnType.Double),
        new ParquetField("rating_all", ParquetColumnType.Double, Nullable: true),
        new ParquetField("rating_ma", ParquetColumnType.Double, Nullable: true),
        new ParquetField("rating_oscillators", ParquetColumnType.Double, Nullable: true));

    /// <summary>The rows of <paramref name="path"/>, all symbols or only <paramref name="symbol"/>; throws <see cref="InvalidDataException"/> naming the file when it cannot be read.</summary>
    public static IReadOnlyList<FeatureRow> Read(string path, Symbol? symbol = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var reader = ParquetFileReader.Open(path);
            CheckSchema(path, reader);
            var groups = symbol is { } s
                ? reader.RowGroupsOverlapping("symbol", s.ToString(), s.ToString())
                : Enumerable.Range(0, reader.RowGroupCount);
            var rows = new List<FeatureRow>();
            foreach (var g in groups)
            {
                var c = reader.ReadRowGroup(g);
                var time = (DateTime[])c[0].Values;
                var names = (string[])c[1].Values;
                var close = (double[])c[2].Values;
                var all = (double?[])c[3].Values;
                var ma = (double?[])c[4].Values;
                var osc = (double?[])c[5].Values;
                Symbol? current = null;
                for (var i = 0; i < time.Length; i++)
                {
                    if (current is null || !string.Equals(current.Value.ToString(), names[i], StringComparison.Ordinal)) current = Symbol.Parse(names[i]);
                    if (symbol is not null && current != symbol) continue;
                    rows.Add(new FeatureRow(new DateTimeOffset(time[i].Ticks, TimeSpan.Zero), current.Value, close[i], all[i], ma[i], osc[i]));
                }
            }

            return rows;
        }
        catch (ParquetException e)
        {
            throw new InvalidDataException($"Feature matrix {path} cannot be read: {e.Message}. Fix: delete it and run the feature backfill again.", e);
        }
    }

    internal static void CheckSchema(string path, ParquetFileReader reader)
    {
        if (!reader.Schema.Equals(Schema))
            throw new InvalidDataException($"Feature matrix {path} has columns {reader.Schema} but {Schema} are expected. Fix: delete it and run the feature backfill again.");
    }
}
