using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActorTrader.Domain.Bars;
using ActorTrader.Parquet;

namespace ActorTrader.Data.Lakehouse;

/// <summary>
/// The columns of a bar part file and the conversions between <see cref="Bar"/>s and column arrays.
/// <list type="bullet">
/// <item>timestamp: TIMESTAMP(MICROS, UTC) — the bar start; sub-microsecond instants are rejected, so every stored value round-trips.</item>
/// <item>open, high, low, close, vwap: DECIMAL(18, 9) on INT64 — |price| &lt; 10⁹ with 9 decimals (enough for sub-cent crypto quotes).</item>
/// <item>volume: DECIMAL(38, 9) — fractional crypto volumes and volumes beyond 10⁹ shares or coins (|volume| &lt; 10¹⁹, so it reads back into System.Decimal).</item>
/// <item>trade_count: INT64.</item>
/// </list>
/// Decimals round-trip numerically exactly (1.5 comes back as 1.500000000, equal to 1.5); values with more than 9
/// decimals or out of range are rejected before anything is written. Files also carry key-value metadata (see the Key* constants).
/// </summary>
internal static class BarFileFormat
{
    public const int Scale = 9;
    public const string KeyProvider = "actortrader.provider";
    public const string KeySynthetic = "actortrader.synthetic";
    public const string KeyRunId = "actortrader.run_id";
    public const string KeyWrittenAt = "actortrader.written_at";
    public const string KeySymbol = "actortrader.symbol";
    public const string KeyTimeframe = "actortrader.timeframe";

    /// <summary>Part numbers (comma separated) this file replaces; readers ignore them, writers delete them.</summary>
    public const string KeySupersedes = "actortrader.supersedes";

    public const string TimestampColumn = "timestamp";

    private const int PriceDigits = 9;
    private const int VolumeDigits = 19;
    private static readonly decimal PriceLimit = 1_000_000_000m;
    private static readonly ulong[] PowersOfTen = Enumerable.Range(0, 20).Select(e => (ulong)Math.Pow(10, e)).ToArray();

    // 10^19 with 9 decimals is 28 digits unscaled: inside System.Decimal's 96 bits, so every stored volume reads back.
    private static readonly decimal VolumeLimit = 10_000_000_000_000_000_000m;

    public static ParquetSchema Schema { get; } = new(
        new ParquetField(TimestampColumn, ParquetColumnType.Timestamp(TimestampUnit.Micros)),
        new ParquetField("open", ParquetColumnType.Decimal(18, Scale)),
        new ParquetField("high", ParquetColumnType.Decimal(18, Scale)),
        new ParquetField("low", ParquetColumnType.Decimal(18, Scale)),
        new ParquetField("close", ParquetColumnType.Decimal(18, Scale)),
        new ParquetField("volume", ParquetColumnType.Decimal(38, Scale)),
        new ParquetField("trade_count", ParquetColumnType.Int64),
        new ParquetField("vwap", ParquetColumnType.Decimal(18, Scale)));

    /// <summary>Null when <paramref name="bar"/> can be stored exactly; otherwise what is wrong with it and how to fix it.</summary>
    public static string? Problem(in Bar bar)
    {
        if (bar.Timestamp.UtcTicks % TimeSpan.TicksPerMicrosecond != 0)
            return $"timestamp {bar.Timestamp:O} has sub-microsecond precision; the lakehouse stores microseconds — round the bar start.";
        return PriceProblem(bar.Open, "open") ?? PriceProblem(bar.High, "high") ?? PriceProblem(bar.Low, "low")
            ?? PriceProblem(bar.Close, "close") ?? PriceProblem(bar.Vwap, "vwap") ?? VolumeProblem(bar.Volume)
            ?? (bar.TradeCount < 0 ? $"trade_count {bar.TradeCount} is negative; use 0 when unknown." : null);
    }

    /// <summary>Writes <paramref name="bars"/> into the arrays of <paramref name="columns"/>, which hold exactly as many rows.</summary>
    public static void FillColumns(ReadOnlySpan<Bar> bars, BarColumnBuffers.Columns columns)
    {
        if (bars.Length != columns.Rows) throw new ArgumentException($"{bars.Length} bars do not fit columns of {columns.Rows} rows.", nameof(columns));
        var (time, open, high, low, close) = (columns.Time, columns.Open, columns.High, columns.Low, columns.Close);
        var (volume, trades, vwap) = (columns.Volume, columns.Trades, columns.Vwap);
        for (var i = 0; i < bars.Length; i++)
        {
            ref readonly var bar = ref bars[i];
            time[i] = bar.Timestamp.UtcDateTime;
            open[i] = bar.Open;
            high[i] = bar.High;
            low[i] = bar.Low;
            close[i] = bar.Close;
            volume[i] = bar.Volume;
            trades[i] = bar.TradeCount;
            vwap[i] = bar.Vwap;
        }
    }

    /// <summary>Appends the rows of one row group (columns in <see cref="Schema"/> order) to <paramref name="into"/>.</summary>
    public static void AppendBars(IReadOnlyList<ParquetColumn> columns, List<Bar> into)
    {
        var time = (DateTime[])columns[0].Values;
        var open = (decimal[])columns[1].Values;
        var high = (decimal[])columns[2].Values;
        var low = (decimal[])columns[3].Values;
        var close = (decimal[])columns[4].Values;
        var volume = (decimal[])columns[5].Values;
        var trades = (long[])columns[6].Values;
        var vwap = (decimal[])columns[7].Values;
        into.EnsureCapacity(into.Count + time.Length);
        for (var i = 0; i < time.Length; i++)
        {
            into.Add(new Bar(new DateTimeOffset(time[i].Ticks, TimeSpan.Zero), open[i], high[i], low[i], close[i], volume[i], trades[i], vwap[i]));
        }
    }

    internal static string? PriceProblem(decimal value, string column) =>
        FitsFast(value, PriceDigits) || (FitsScale(value) && value < PriceLimit && value > -PriceLimit)
            ? null
            : $"{column} {value} does not fit DECIMAL(18, {Scale}); round it to {Scale} decimals and keep |{column}| below 10^9.";

    internal static string? VolumeProblem(decimal value) =>
        FitsFast(value, VolumeDigits) || (FitsScale(value) && value < VolumeLimit && value > -VolumeLimit)
            ? null
            : $"volume {value} does not fit DECIMAL(38, {Scale}); round it to {Scale} decimals and keep it below 10^19.";

    /// <summary>
    /// The common case without decimal arithmetic (this check runs for every value written): at most <see cref="Scale"/>
    /// decimals and an unscaled magnitude in 64 bits below 10^(integerDigits + scale). False means "check exactly".
    /// </summary>
    private static bool FitsFast(decimal value, int integerDigits)
    {
        // System.Decimal is laid out as flags, hi32, lo64 (the runtime's own DecCalc relies on it); reading the fields
        // directly costs a few instructions where decimal.GetBits or comparisons cost tens of nanoseconds per value.
        var bits = Unsafe.As<decimal, DecimalBits>(ref Unsafe.AsRef(in value));
        var scale = (bits.Flags >> 16) & 0xFF;
        if (bits.Hi != 0 || scale > Scale) return false;
        var digits = integerDigits + scale;
        return digits >= PowersOfTen.Length || bits.Lo < PowersOfTen[digits];
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct DecimalBits
    {
        public readonly int Flags;
        public readonly uint Hi;
        public readonly ulong Lo;
    }

    // A decimal's own scale is usually within the column's; only then is the exact (slower) check needed.
    private static bool FitsScale(decimal value) => value.Scale <= Scale || decimal.Round(value, Scale) == value;
}
