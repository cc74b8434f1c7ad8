using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Parquet;
using ActorTrader.Quant.TimeSeries;

namespace ActorTrader.Data.Features;

/// <summary>
/// <c>timeseries_features.parquet</c> in the lakehouse: the point-in-time features of <see cref="TimeSeriesFeatures"/>
/// for every daily partition, in long form — timestamp TIMESTAMP(MICROS, UTC), symbol STRING, then one nullable DOUBLE
/// per feature in name order (null during warm-up) — one row group per symbol, sorted by symbol then time. Rebuilt
/// whole by <see cref="Write"/>; a write that fails leaves the previous file in place.
/// </summary>
public static class TimeSeriesFeatureFile
{
    public const string FileName = "timeseries_features.parquet";

    /// <summary>The file's path in <paramref name="layout"/>.</summary>
    public static string PathIn(LakehouseLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return Path.Combine(layout.Root, FileName);
    }

    /// <summary>Computes the features of every daily partition of <paramref name="store"/> and writes the file; returns symbols written and the ones left out with why.</summary>
    public static (int Symbols, long Rows, IReadOnlyDictionary<Symbol, string> Skipped) Write(IBarStore store, string path)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var partitions = store.List().Where(p => p.Timeframe == Timeframe.Day1).OrderBy(p => p.Symbol).ToArray();
        var skipped = new SortedDictionary<Symbol, string>();
        ParquetSchema? schema = null;
        ParquetFileWriter? writer = null;
        var symbols = 0;
        long rows = 0;
        try
        {
            foreach (var partition in partitions)
            {
                IReadOnlyList<Bar> bars;
                try
                {
                    bars = store.Read(partition.Symbol, Timeframe.Day1);
                }
                catch (CorruptPartitionException e)
                {
                    skipped[partition.Symbol] = e.Message;
                    continue;
                }
                if (bars.Count == 0) continue;
                var dates = bars.Select(b => DateOnly.FromDateTime(b.Timestamp.UtcDateTime)).ToArray();
                var features = TimeSeriesFeatures.Compute(dates, [.. bars.Select(b => (double)b.Close)]);
                schema ??= Schema(features.Keys);
                writer ??= ParquetFileWriter.Create(path, schema, new ParquetWriterOptions { MaxDegreeOfParallelism = 1 });
                var columns = new List<ParquetColumn>
                {
                    new(schema.Fields[0], bars.Select(b => b.Timestamp.UtcDateTime).ToArray()),
                    new(schema.Fields[1], Enumerable.Repeat(partition.Symbol.ToString(), bars.Count).ToArray()),
                };
                for (var f = 2; f < schema.Fields.Count; f++)
                    columns.Add(new(schema.Fields[f], features[schema.Fields[f].Name].Select(v => double.IsNaN(v) ? (double?)null : v).ToArray()));
                writer.WriteRowGroup(columns);
                symbols++;
                rows += bars.Count;
            }
            writer?.Complete();
        }
        finally
        {
            writer?.Dispose();
        }
        return (symbols, rows, skipped);
    }

    /// <summary>The rows of one symbol: its times and each feature column (NaN where null); throws <see cref="InvalidDataException"/> naming the file when it cannot be read.</summary>
    public static (DateTime[] Times, IReadOnlyDictionary<string, double[]> Features) Read(string path, Symbol symbol)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var reader = ParquetFileReader.Open(path);
            var times = new List<DateTime>();
            var names = reader.Schema.Fields.Skip(2).Select(f => f.Name).ToList();
            var values = names.ToDictionary(n => n, _ => new List<double>(), StringComparer.Ordinal);
            foreach (var g in reader.RowGroupsOverlapping("symbol", symbol.ToString(), symbol.ToString()))
            {
                var c = reader.ReadRowGroup(g);
                var symbols = (string[])c[1].Values;
                var time = (DateTime[])c[0].Values;
                for (var i = 0; i < time.Length; i++)
                {
                    if (!string.Equals(symbols[i], symbol.ToString(), StringComparison.Ordinal)) continue;
                    times.Add(time[i]);
                    for (var f = 0; f < names.Count; f++) values[names[f]].Add(((double?[])c[f + 2].Values)[i] ?? double.NaN);
                }
            }
            return ([.. times], values.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));
        }
        catch (ParquetException e)
        {
            throw new InvalidDataException($"Time-series features {path} cannot be read: {e.Message}. Fix: delete it and run `actortrader features backfill` again.", e);
        }
    }

    private static ParquetSchema Schema(IEnumerable<string> features) => new(
        [
            new ParquetField("timestamp", ParquetColumnType.Timestamp(TimestampUnit.Micros)),
            new ParquetField("symbol", ParquetColumnType.String),
            .. features.Order(StringComparer.Ordinal).Select(name => new ParquetField(name, ParquetColumnType.Double, Nullable: true)),
        ]);
}
