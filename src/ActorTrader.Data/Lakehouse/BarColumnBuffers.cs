using ActorTrader.Domain.Bars;
using ActorTrader.Parquet;

namespace ActorTrader.Data.Lakehouse;

/// <summary>
/// The column arrays of a bar row group, reused from one partition write to the next. An ingestion writes thousands of
/// partitions with the same number of bars, and eight fresh arrays for each (~280 KB for ten years of daily bars) were
/// about a third of everything a write allocated. A rented set is filled, handed to the Parquet writer (which encodes
/// it at once and keeps no reference) and returned; at most <paramref name="capacity"/> idle sets are kept.
/// </summary>
internal sealed class BarColumnBuffers(int capacity)
{
    private readonly List<Columns> _idle = [];

    /// <summary>The bars as columns in <see cref="BarFileFormat.Schema"/> order, in arrays taken from the pool; pass them back to <see cref="Return"/>.</summary>
    public Columns Fill(ReadOnlySpan<Bar> bars)
    {
        var columns = Rent(bars.Length);
        BarFileFormat.FillColumns(bars, columns);
        return columns;
    }

    public void Return(Columns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        lock (_idle)
        {
            if (_idle.Count < capacity) _idle.Add(columns);
        }
    }

    private Columns Rent(int rows)
    {
        lock (_idle)
        {
            // Parquet columns are whole arrays, so only a set of exactly this many rows fits.
            var index = _idle.FindIndex(c => c.Rows == rows);
            if (index >= 0)
            {
                var found = _idle[index];
                _idle.RemoveAt(index);
                return found;
            }
        }

        return new Columns(rows);
    }

    /// <summary>One array per column of <see cref="BarFileFormat.Schema"/>, and the <see cref="ParquetColumn"/>s over them.</summary>
    internal sealed class Columns
    {
        public Columns(int rows)
        {
            Rows = rows;
            Time = new DateTime[rows];
            Open = new decimal[rows];
            High = new decimal[rows];
            Low = new decimal[rows];
            Close = new decimal[rows];
            Volume = new decimal[rows];
            Trades = new long[rows];
            Vwap = new decimal[rows];
            var f = BarFileFormat.Schema.Fields;
            Parquet =
            [
                new(f[0], Time), new(f[1], Open), new(f[2], High), new(f[3], Low), new(f[4], Close),
                new(f[5], Volume), new(f[6], Trades), new(f[7], Vwap),
            ];
        }

        public int Rows { get; }

        public DateTime[] Time { get; }

        public decimal[] Open { get; }

        public decimal[] High { get; }

        public decimal[] Low { get; }

        public decimal[] Close { get; }

        public decimal[] Volume { get; }

        public long[] Trades { get; }

        public decimal[] Vwap { get; }

        public IReadOnlyList<ParquetColumn> Parquet { get; }
    }
}
