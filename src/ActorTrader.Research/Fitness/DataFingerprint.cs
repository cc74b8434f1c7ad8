using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Fitness;

/// <summary>
/// The SHA-256 (lower-case hex) of exactly the data a pinned window covers: a version tag, the four range dates and the
/// symbols as invariant text, then per symbol (window order) and per bar from the in-sample start to the out-of-sample end
/// — the bars between the two ranges included, because out-of-sample validation replays them — the bar start (UTC ticks)
/// and the raw IEEE-754 bits of open, high, low, close and volume (little-endian), then the fundamental inputs of the
/// window's symbols, which strategies read point in time. Any change to one of those — one price in the last digit, a bar
/// added or removed, a fundamental value — changes the fingerprint; bars before the in-sample start or after the
/// out-of-sample end, other symbols and <see cref="PinnedWindow.DataFingerprint"/> itself do not enter it.
/// </summary>
public static class DataFingerprint
{
    private const string Version = "actortrader/pinned-window/v1";

    public static string Compute(BarPanel panel, PinnedWindow window)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(window);
        var bars = WindowBars.Locate(panel, window);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var header = string.Join('\n',
            Version,
            window.InSampleStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            window.InSampleEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            window.OutOfSampleStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            window.OutOfSampleEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            string.Join(',', bars.SymbolIndices.Select(i => panel.Symbols[i].ToString()))) + "\n";
        hash.AppendData(Encoding.UTF8.GetBytes(header));
        var view = panel.AsOf(bars.OutOfSampleLast);
        Span<byte> record = stackalloc byte[6 * sizeof(long)];
        foreach (var s in bars.SymbolIndices) Append(hash, record, view, s, bars.InSampleFirst, bars.OutOfSampleLast);
        // Appended only when present, so windows on panels without fundamentals keep their fingerprint.
        foreach (var s in bars.SymbolIndices)
        {
            if (panel.Fundamentals.TryGetValue(panel.Symbols[s], out var data)) hash.AppendData(Encoding.UTF8.GetBytes(Describe(panel.Symbols[s].ToString(), data)));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Describe(string symbol, FundamentalData data)
    {
        static string F(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "-";
        return string.Join('|', "fundamentals", symbol, data.KnownFrom.UtcTicks.ToString(CultureInfo.InvariantCulture), F(data.MarketCap),
            F(data.BookToPrice), F(data.EarningsYield), F(data.ReturnOnEquity), F(data.DebtToEquity),
            data.Sector is null ? "-" : data.Sector.Length.ToString(CultureInfo.InvariantCulture) + ":" + data.Sector) + "\n";
    }

    private static void Append(IncrementalHash hash, Span<byte> record, PointInTimePanel view, int symbol, int first, int last)
    {
        var open = view.Open(symbol);
        var high = view.High(symbol);
        var low = view.Low(symbol);
        var close = view.Close(symbol);
        var volume = view.Volume(symbol);
        for (var t = first; t <= last; t++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(record, view.Times[t].UtcTicks);
            BinaryPrimitives.WriteInt64LittleEndian(record[8..], BitConverter.DoubleToInt64Bits(open[t]));
            BinaryPrimitives.WriteInt64LittleEndian(record[16..], BitConverter.DoubleToInt64Bits(high[t]));
            BinaryPrimitives.WriteInt64LittleEndian(record[24..], BitConverter.DoubleToInt64Bits(low[t]));
            BinaryPrimitives.WriteInt64LittleEndian(record[32..], BitConverter.DoubleToInt64Bits(close[t]));
            BinaryPrimitives.WriteInt64LittleEndian(record[40..], BitConverter.DoubleToInt64Bits(volume[t]));
            hash.AppendData(record);
        }
    }
}
