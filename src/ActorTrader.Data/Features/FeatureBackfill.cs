using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Lakehouse.Durability;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Parquet;
using ActorTrader.Quant.Indicators;
using Serilog;

namespace ActorTrader.Data.Features;

/// <summary>
/// Builds <c>features_matrix.parquet</c> (see <see cref="FeatureMatrixFile"/>) from the daily bars in the lakehouse:
/// for every symbol, Quant's <see cref="TechnicalRatings"/> (Recommend.All / MA / Other) at every bar.
/// <para>
/// Incremental by symbol: ratings at a bar depend on all earlier bars (EMAs start at the first bar), so a symbol whose
/// bars changed is recomputed from its whole history, and a symbol whose bars did not change is carried over from the
/// existing matrix without recomputation. "Did not change" is decided from footers alone: the lakehouse never rewrites
/// a stored bar, so a symbol whose row count, first and last timestamp match its partition's is up to date. When every
/// symbol is up to date and none was added or removed, the file is left untouched. The matrix is rewritten atomically
/// (temp file, fsync, rename) one row group per symbol, so memory stays at one symbol's rows.
/// </para>
/// </summary>
public sealed class FeatureBackfill
{
    private const int ComputeChunk = 32;

    private readonly IBarStore _store;
    private readonly string _path;
    private readonly ILogger _log;

    public FeatureBackfill(IBarStore store, LakehouseLayout layout, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(layout);
        _store = store;
        _path = layout.FeaturesMatrix;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext<FeatureBackfill>();
    }

    /// <summary>Brings the matrix up to date with every daily partition in the store.</summary>
    public FeatureBackfillResult Run()
    {
        var partitions = _store.List().Where(p => p.Timeframe == Timeframe.Day1).OrderBy(p => p.Symbol).ToArray();
        using var existing = File.Exists(_path) ? ExistingMatrix.Open(_path) : null;
        var reusable = partitions.Select(p => existing?.UpToDate(p) ?? -1).ToArray();
        var skipped = new Dictionary<Symbol, string>();
        if (existing is not null && reusable.All(g => g >= 0) && existing.SymbolCount == partitions.Length)
        {
            return new FeatureBackfillResult(partitions.Length, 0, partitions.Length, partitions.Sum(p => p.Rows), Rewritten: false, skipped);
        }

        int recomputed = 0, reused = 0;
        long rows = 0;
        using (var writer = ParquetFileWriter.Create(_path, FeatureMatrixFile.Schema, new ParquetWriterOptions { MaxDegreeOfParallelism = 1 }))
        {
            for (var start = 0; start < partitions.Length; start += ComputeChunk)
            {
                var chunk = partitions.AsSpan(start, Math.Min(ComputeChunk, partitions.Length - start)).ToArray();
                var computed = new ComputedSymbol[chunk.Length];
                Parallel.For(0, chunk.Length, i => computed[i] = reusable[start + i] >= 0 ? default : Compute(chunk[i].Symbol));
                for (var i = 0; i < chunk.Length; i++)
                {
                    IReadOnlyList<ParquetColumn>? columns;
                    if (reusable[start + i] >= 0)
                    {
                        columns = existing!.RowGroup(reusable[start + i]);
                        reused++;
                    }
                    else if (computed[i].Error is { } error)
                    {
                        skipped[chunk[i].Symbol] = error;
                        _log.Error("Feature backfill left out {Symbol}: {Reason}", chunk[i].Symbol.ToString(), error);
                        continue;
                    }
                    else
                    {
                        columns = computed[i].Columns!;
                        recomputed++;
                    }

                    if (columns.Count == 0 || columns[0].Count == 0) continue;
                    writer.WriteRowGroup(columns);
                    rows += columns[0].Count;
                }
            }

            existing?.Dispose(); // the rename below must not race an open handle on platforms that forbid it
            writer.Complete();
        }

        DirectorySync.Flush(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        return new FeatureBackfillResult(recomputed + reused, recomputed, reused, rows, Rewritten: true, skipped);
    }

    /// <summary>Computes one symbol's rows; a symbol whose bars cannot be read or rated comes back with the reason instead.</summary>
    private ComputedSymbol Compute(Symbol symbol)
    {
        IReadOnlyList<Bar> bars;
        try
        {
            bars = _store.Read(symbol, Timeframe.Day1);
        }
        catch (CorruptPartitionException e)
        {
            return new ComputedSymbol(null, e.Message);
        }

        var n = bars.Count;
        var (open, high, low, close, volume) = (new double[n], new double[n], new double[n], new double[n], new double[n]);
        var time = new DateTime[n];
        for (var i = 0; i < n; i++)
        {
            var b = bars[i];
            (time[i], open[i], high[i], low[i], close[i], volume[i]) = (b.Timestamp.UtcDateTime, (double)b.Open, (double)b.High, (double)b.Low, (double)b.Close, (double)b.Volume);
        }

        TechnicalRatingsResult ratings;
        try
        {
            ratings = TechnicalRatings.Compute(new PriceBars(open, high, low, close, volume));
        }
        catch (ArgumentException e)
        {
            return new ComputedSymbol(null, $"its daily bars cannot be rated: {e.Message}");
        }

        var name = symbol.ToString();
        var f = FeatureMatrixFile.Schema.Fields;
        return new ComputedSymbol(
        [
            new(f[0], time),
            new(f[1], Enumerable.Repeat(name, n).ToArray()),
            new(f[2], close),
            new(f[3], Nullable(ratings.All)),
            new(f[4], Nullable(ratings.MovingAverages)),
            new(f[5], Nullable(ratings.Oscillators)),
        ], null);
    }

    private static double?[] Nullable(IReadOnlyList<double> values)
    {
        var result = new double?[values.Count];
        for (var i = 0; i < result.Length; i++) result[i] = double.IsNaN(values[i]) ? null : values[i];
        return result;
    }

    private readonly record struct ComputedSymbol(ParquetColumn[]? Columns, string? Error);

    /// <summary>The matrix being replaced: which row group holds which symbol, from its footer.</summary>
    private sealed class ExistingMatrix : IDisposable
    {
        private readonly ParquetFileReader _reader;
        private readonly Dictionary<Symbol, (int Group, long Rows, DateTime First, DateTime Last)> _groups = [];

        private ExistingMatrix(ParquetFileReader reader) => _reader = reader;

        public int SymbolCount => _groups.Count;

        public static ExistingMatrix Open(string path)
        {
            ParquetFileReader reader;
            try
            {
                reader = ParquetFileReader.Open(path);
            }
            catch (ParquetException e)
            {
                throw new InvalidDataException($"Feature matrix {path} cannot be read: {e.Message}. Fix: delete it and run the feature backfill again.", e);
            }

            var matrix = new ExistingMatrix(reader);
            try
            {
                FeatureMatrixFile.CheckSchema(path, reader);
                for (var g = 0; g < reader.RowGroupCount; g++)
                {
                    var meta = reader.Metadata.RowGroups[g];
                    if (meta.Columns[1].Min is string low && meta.Columns[1].Max is string high && low == high && Symbol.TryParse(low, out var symbol, out _)
                        && meta.Columns[0].Min is DateTime first && meta.Columns[0].Max is DateTime last)
                    {
                        matrix._groups[symbol] = (g, meta.NumRows, first, last);
                    }
                }

                return matrix;
            }
            catch
            {
                matrix.Dispose();
                throw;
            }
        }

        /// <summary>The row group holding <paramref name="partition"/>'s symbol when it matches the partition exactly, else −1.</summary>
        public int UpToDate(BarPartitionInfo partition) =>
            _groups.TryGetValue(partition.Symbol, out var g) && g.Rows == partition.Rows
            && g.First.Ticks == partition.FirstBar.UtcTicks && g.Last.Ticks == partition.LastBar.UtcTicks
                ? g.Group
                : -1;

        public IReadOnlyList<ParquetColumn> RowGroup(int group) => _reader.ReadRowGroup(group, new ParquetReadOptions { MaxDegreeOfParallelism = 1 });

        public void Dispose() => _reader.Dispose();
    }
}
