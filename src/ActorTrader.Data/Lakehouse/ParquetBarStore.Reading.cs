using System.Globalization;
using ActorTrader.Domain.Bars;
using ActorTrader.Parquet;

namespace ActorTrader.Data.Lakehouse;

/// <summary>Footer summaries and data reads of part files; every read failure becomes a <see cref="CorruptPartitionException"/> naming the file.</summary>
public sealed partial class ParquetBarStore
{
    private static readonly ParquetReadOptions SequentialRead = new() { MaxDegreeOfParallelism = 1 };

    private PartitionState LoadState(PartitionKey key)
    {
        var directory = PartitionDirectory(key.Symbol, key.Timeframe);
        if (!Directory.Exists(directory)) return PartitionState.Empty(key, directory);
        var parts = new List<PartFile>();
        foreach (var path in Directory.EnumerateFiles(directory, PartFile.Prefix + "*" + PartFile.Extension))
        {
            var number = PartFile.ParseNumber(Path.GetFileName(path));
            if (number is not null) parts.Add(ReadPartFooter(path, number.Value));
        }

        return PartitionState.Of(key.Symbol, key.Timeframe, directory, parts);
    }

    private static PartFile ReadPartFooter(string path, int number)
    {
        try
        {
            using var reader = ParquetFileReader.Open(path);
            if (!reader.Schema.Equals(BarFileFormat.Schema))
                throw Corrupt(path, $"its columns are {reader.Schema} but bar files have {BarFileFormat.Schema}");
            var meta = reader.Metadata;
            if (meta.NumRows == 0) throw Corrupt(path, "it has no rows, and the lakehouse never writes an empty part");
            var (first, last) = TimeRange(reader);
            var kv = meta.KeyValueMetadata;
            return new PartFile(
                number,
                path,
                first,
                last,
                meta.NumRows,
                new FileInfo(path).Length,
                kv.GetValueOrDefault(BarFileFormat.KeyProvider, "unknown"),
                string.Equals(kv.GetValueOrDefault(BarFileFormat.KeySynthetic), "true", StringComparison.Ordinal),
                kv.GetValueOrDefault(BarFileFormat.KeyRunId, ""),
                kv.TryGetValue(BarFileFormat.KeyWrittenAt, out var written) && DateTimeOffset.TryParse(written, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? at.ToUniversalTime()
                    : new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero),
                ParseSupersedes(path, kv.GetValueOrDefault(BarFileFormat.KeySupersedes)));
        }
        catch (ParquetException e)
        {
            throw Corrupt(path, e.Message, e);
        }
        catch (IOException e)
        {
            throw Corrupt(path, e.Message, e);
        }
    }

    /// <summary>First and last timestamp from the row-group statistics (the timestamp column itself when a group has none).</summary>
    private static (DateTimeOffset First, DateTimeOffset Last) TimeRange(ParquetFileReader reader)
    {
        var min = DateTime.MaxValue;
        var max = DateTime.MinValue;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var stats = reader.Metadata.RowGroups[g].Columns[0];
            if (stats.Min is DateTime low && stats.Max is DateTime high)
            {
                if (low < min) min = low;
                if (high > max) max = high;
                continue;
            }

            foreach (var time in (DateTime[])reader.ReadColumn(g, BarFileFormat.TimestampColumn).Values)
            {
                if (time < min) min = time;
                if (time > max) max = time;
            }
        }

        return (new DateTimeOffset(min.Ticks, TimeSpan.Zero), new DateTimeOffset(max.Ticks, TimeSpan.Zero));
    }

    private static int[] ParseSupersedes(string path, string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var parts = text.Split(',');
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
                throw Corrupt(path, $"its {BarFileFormat.KeySupersedes} metadata \"{text}\" is not a list of part numbers");
        }

        return numbers;
    }

    /// <summary>UTC ticks of the stored timestamps in [first, last] of <paramref name="parts"/> (ascending by first bar, disjoint), ascending.</summary>
    private static List<long> ReadTimestamps(IEnumerable<PartFile> parts, DateTimeOffset first, DateTimeOffset last)
    {
        var ticks = new List<long>();
        foreach (var part in parts)
        {
            Guarded(part.Path, () =>
            {
                using var reader = ParquetFileReader.Open(part.Path);
                foreach (var g in reader.RowGroupsOverlapping(BarFileFormat.TimestampColumn, first.UtcDateTime, last.UtcDateTime))
                {
                    foreach (var time in (DateTime[])reader.ReadColumn(g, BarFileFormat.TimestampColumn).Values)
                    {
                        if (time.Ticks >= first.UtcTicks && time.Ticks <= last.UtcTicks) ticks.Add(time.Ticks);
                    }
                }
            });
        }

        return ticks;
    }

    /// <summary>The bars of <paramref name="parts"/> with from ≤ timestamp &lt; to (null = unbounded), ascending.</summary>
    private static List<Bar> ReadBars(IEnumerable<PartFile> parts, DateTimeOffset? from, DateTimeOffset? to, bool parallelColumns)
    {
        var bars = new List<Bar>();
        foreach (var part in parts.OrderBy(p => p.FirstBar))
        {
            Guarded(part.Path, () =>
            {
                using var reader = ParquetFileReader.Open(part.Path);
                // RowGroupsOverlapping's upper bound is inclusive; the exclusive 'to' is applied to the rows below.
                var groups = from is null && to is null
                    ? Enumerable.Range(0, reader.RowGroupCount)
                    : reader.RowGroupsOverlapping(BarFileFormat.TimestampColumn, from?.UtcDateTime, to?.UtcDateTime);
                foreach (var g in groups)
                {
                    var start = bars.Count;
                    BarFileFormat.AppendBars(reader.ReadRowGroup(g, parallelColumns ? null : SequentialRead), bars);
                    if (from is not null || to is not null) KeepRange(bars, start, from, to);
                }
            });
        }

        for (var i = 1; i < bars.Count; i++)
        {
            if (bars[i].Timestamp <= bars[i - 1].Timestamp)
                throw Corrupt(parts.First().Path, $"its parts hold bars out of order or twice ({bars[i - 1].Timestamp:O} then {bars[i].Timestamp:O})");
        }

        return bars;
    }

    private static void KeepRange(List<Bar> bars, int start, DateTimeOffset? from, DateTimeOffset? to)
    {
        var write = start;
        for (var read = start; read < bars.Count; read++)
        {
            var t = bars[read].Timestamp;
            if ((from is null || t >= from) && (to is null || t < to)) bars[write++] = bars[read];
        }

        bars.RemoveRange(write, bars.Count - write);
    }

    private static void Guarded(string path, Action read)
    {
        try
        {
            read();
        }
        catch (ParquetException e)
        {
            throw Corrupt(path, e.Message, e);
        }
        catch (IOException e)
        {
            throw Corrupt(path, e.Message, e);
        }
    }

    private static CorruptPartitionException Corrupt(string path, string cause, Exception? inner = null)
    {
        var message = $"Bar file {path} cannot be read: {cause}. Fix: a write to this partition moves it to the quarantine directory and starts it afresh; re-ingest the symbol, or restore the file from a backup.";
        return inner is null ? new CorruptPartitionException(message) { File = path } : new CorruptPartitionException(message, inner) { File = path };
    }
}
