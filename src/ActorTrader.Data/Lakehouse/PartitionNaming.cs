using System.Globalization;
using System.Text;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Lakehouse;

/// <summary>
/// Directory names of bar partitions, Hive style: <c>timeframe=1Day/symbol=NASDAQ_AAPL</c>.
/// The symbol directory is <c>EXCHANGE_TICKER</c> where every character of either part other than A–Z, 0–9, '.'
/// and '-' is written as '%' and two upper-case hex digits (so <c>CRYPTO:BTC/USD</c> is <c>CRYPTO_BTC%2FUSD</c> and an
/// underscore is <c>%5F</c>). The only bare '_' is therefore the separator, which makes the name reversible, and no
/// name contains a path separator.
/// </summary>
public static class PartitionNaming
{
    private const string TimeframePrefix = "timeframe=";
    private const string SymbolPrefix = "symbol=";

    /// <summary><c>timeframe=1Day</c>.</summary>
    public static string TimeframeDirectory(Timeframe timeframe)
    {
        ArgumentNullException.ThrowIfNull(timeframe);
        return TimeframePrefix + timeframe.Name;
    }

    /// <summary><c>symbol=CRYPTO_BTC%2FUSD</c>.</summary>
    public static string SymbolDirectory(Symbol symbol) => SymbolPrefix + Escape(symbol.Exchange) + "_" + Escape(symbol.Ticker);

    /// <summary>The timeframe a <c>timeframe=...</c> directory names, or null when it is not one.</summary>
    public static Timeframe? ParseTimeframeDirectory(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.StartsWith(TimeframePrefix, StringComparison.Ordinal)) return null;
        var text = name[TimeframePrefix.Length..];
        return Timeframe.All.FirstOrDefault(t => string.Equals(t.Name, text, StringComparison.Ordinal));
    }

    /// <summary>The symbol a <c>symbol=...</c> directory names, or null when it is not one.</summary>
    public static Symbol? ParseSymbolDirectory(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.StartsWith(SymbolPrefix, StringComparison.Ordinal)) return null;
        var body = name[SymbolPrefix.Length..];
        var separator = body.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || separator == body.Length - 1 || body.IndexOf('_', separator + 1) >= 0) return null;
        var exchange = Unescape(body[..separator]);
        var ticker = Unescape(body[(separator + 1)..]);
        return exchange is null || ticker is null || !Symbol.TryParse(exchange + ":" + ticker, out var symbol, out _) ? null : symbol;
    }

    private static bool IsPlain(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-';

    private static string Escape(string part)
    {
        if (part.All(IsPlain)) return part;
        var builder = new StringBuilder(part.Length + 8);
        foreach (var c in part)
        {
            if (IsPlain(c)) builder.Append(c);
            else foreach (var b in Encoding.UTF8.GetBytes(c.ToString())) builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    private static string? Unescape(string part)
    {
        if (!part.Contains('%', StringComparison.Ordinal)) return part;
        var bytes = new List<byte>(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] != '%')
            {
                bytes.Add((byte)part[i]);
                continue;
            }
            if (i + 2 >= part.Length || !byte.TryParse(part.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b)) return null;
            bytes.Add(b);
            i += 2;
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
