using ActorTrader.Parquet;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ActorTrader.Benchmarks.Parquet;

/// <summary>
/// The fallback baseline when DuckDB cannot run here: the same in-memory arrays written as raw bytes, one file per
/// column (each row group as [int32 value count][int32 byte length][bytes]; numbers as their in-memory bytes,
/// symbols as a one-byte length and their UTF-8 bytes), then fsynced; read back group by group into reused arrays
/// (new strings per symbol) and summed as our reader's loop does. Columns run in parallel on up to the requested
/// threads. It is the floor any file format pays: no encoding, no compression, no metadata.
/// </summary>
internal sealed class RawBinaryBaseline : IParquetBaseline
{
    private const string Folder = "raw-binary";

    public Task<BaselineWrite> WriteAsync(string directory, IReadOnlyList<IReadOnlyList<ParquetColumn>> table, int rows, int rowGroupRows, int? threads)
    {
        ArgumentNullException.ThrowIfNull(table);
        var folder = Path.Combine(directory, Folder);
        Directory.CreateDirectory(folder);
        var parallelism = threads ?? Environment.ProcessorCount;
        var columns = BarsTable.Schema.Fields.Count;
        var started = Stopwatch.GetTimestamp();
        Parallel.For(0, columns, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, c => WriteColumn(ColumnPath(folder, c), table, c));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var bytes = Enumerable.Range(0, columns).Sum(c => new FileInfo(ColumnPath(folder, c)).Length);
        return Task.FromResult(new BaselineWrite(seconds, bytes, parallelism));
    }

    public Task<BaselineRead> ReadAsync(string directory, string ourFile, int? threads)
    {
        var folder = Path.Combine(directory, Folder);
        var parallelism = threads ?? Environment.ProcessorCount;
        var columns = BarsTable.Schema.Fields.Count;
        var counts = new long[columns];
        var volume = 0L;
        var started = Stopwatch.GetTimestamp();
        Parallel.For(0, columns, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, c =>
        {
            var (rows, sum) = ReadColumn(ColumnPath(folder, c), c);
            counts[c] = rows;
            if (c == VolumeColumn) volume = sum;
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (counts.Distinct().Count() != 1)
            throw new InvalidOperationException($"The raw binary columns in {folder} hold different row counts ({string.Join(", ", counts)}); delete the folder and rerun.");
        return Task.FromResult(new BaselineRead(seconds, counts[0], volume, parallelism));
    }

    public string DescribeWrite(int threads, bool defaultThreads) =>
        $"raw binary writer of the same arrays, one file per column, columns on up to {threads} thread{Plural(threads)}, fsync (DuckDB unavailable)";

    public string DescribeRead(int threads, bool defaultThreads) =>
        $"raw binary reader of those files into reused arrays, every column summed, columns on up to {threads} thread{Plural(threads)} (DuckDB unavailable)";

    public string FileSizeKind => "raw binary size of the same arrays (8 bytes per number, 1+4 per symbol, 8 per group and column; DuckDB unavailable)";

    private const int TimestampColumn = 0;

    private const int SymbolColumn = 1;

    private const int VolumeColumn = 6;

    private static Array NewValues(int column, int count) => column switch
    {
        TimestampColumn => new DateTime[count],
        SymbolColumn => new string[count],
        VolumeColumn => new long[count],
        _ => new double[count],
    };

    private static string Plural(int threads) => threads == 1 ? "" : "s";

    private static string ColumnPath(string folder, int column) => Path.Combine(folder, BarsTable.Schema.Fields[column].Name + ".bin");

    private static void WriteColumn(string path, IReadOnlyList<IReadOnlyList<ParquetColumn>> table, int column)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        byte[] symbolBytes = [];
        Span<int> header = stackalloc int[2];
        foreach (var group in table)
        {
            var values = group[column].Values;
            ReadOnlySpan<byte> bytes = values switch
            {
                DateTime[] timestamps => MemoryMarshal.AsBytes(timestamps.AsSpan()),
                double[] doubles => MemoryMarshal.AsBytes(doubles.AsSpan()),
                long[] longs => MemoryMarshal.AsBytes(longs.AsSpan()),
                string[] strings => EncodeSymbols(strings, ref symbolBytes),
                _ => throw new InvalidOperationException($"Column {BarsTable.Schema.Fields[column].Name} holds {values.GetType().Name}; the raw binary baseline writes DateTime[], double[], long[] and string[]."),
            };
            header[0] = values.Length;
            header[1] = bytes.Length;
            stream.Write(MemoryMarshal.AsBytes(header));
            stream.Write(bytes);
        }
        stream.Flush(flushToDisk: true);
    }

    private static ReadOnlySpan<byte> EncodeSymbols(string[] symbols, ref byte[] buffer)
    {
        var length = 0;
        foreach (var symbol in symbols)
        {
            var needed = 1 + Encoding.UTF8.GetMaxByteCount(symbol.Length);
            if (buffer.Length < length + needed) Array.Resize(ref buffer, Math.Max(2 * buffer.Length, length + needed));
            var written = Encoding.UTF8.GetBytes(symbol, buffer.AsSpan(length + 1));
            if (written > byte.MaxValue)
                throw new InvalidOperationException($"Symbol '{symbol}' is {written} UTF-8 bytes; the raw binary baseline stores symbols of at most 255 bytes.");
            buffer[length] = (byte)written;
            length += 1 + written;
        }
        return buffer.AsSpan(0, length);
    }

    /// <summary>Reads one column file group by group into reused arrays; returns its value count and a sum (of volume for that column).</summary>
    private static (long Rows, long Sum) ReadColumn(string path, int column)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        Span<int> header = stackalloc int[2];
        long rows = 0, sum = 0;
        double prices = 0;
        var values = NewValues(column, 0);
        byte[] symbolBytes = [];
        while (stream.Position < stream.Length)
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(header));
            var (count, byteLength) = (header[0], header[1]);
            if (values.Length != count) values = NewValues(column, count);
            switch (values)
            {
                case DateTime[] timestamps:
                    stream.ReadExactly(MemoryMarshal.AsBytes(timestamps.AsSpan()));
                    foreach (var t in timestamps) sum += t.Ticks;
                    break;
                case double[] doubles:
                    stream.ReadExactly(MemoryMarshal.AsBytes(doubles.AsSpan()));
                    foreach (var p in doubles) prices += p;
                    break;
                case long[] longs:
                    stream.ReadExactly(MemoryMarshal.AsBytes(longs.AsSpan()));
                    foreach (var v in longs) sum += v;
                    break;
                case string[] strings:
                    if (symbolBytes.Length < byteLength) symbolBytes = new byte[byteLength];
                    stream.ReadExactly(symbolBytes.AsSpan(0, byteLength));
                    for (int i = 0, at = 0; i < count; i++)
                    {
                        var length = symbolBytes[at];
                        strings[i] = Encoding.UTF8.GetString(symbolBytes, at + 1, length);
                        at += 1 + length;
                        sum += strings[i].Length;
                    }
                    break;
            }
            rows += count;
        }
        GC.KeepAlive(prices);
        return (rows, sum);
    }
}
