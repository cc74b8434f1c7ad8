using System.Collections.Frozen;

namespace ActorTrader.Domain.Instruments;

/// <summary>
/// Text names of <see cref="AssetProfile"/> as written in configuration, metadata and the lakehouse
/// (<c>us_equity</c>, <c>etf</c>, <c>crypto</c>, <c>future</c>), and a best guess of a symbol's profile.
/// </summary>
public static class AssetProfiles
{
    // Widely traded US ETFs; a guess for providers that do not say (csv, synthetic), not a registry.
    private static readonly FrozenSet<string> WellKnownEtfs = new[]
    {
        "SPY", "IVV", "VOO", "VTI", "QQQ", "DIA", "IWM", "IWB", "IWF", "IWD", "EFA", "EEM", "VEA", "VWO", "AGG", "BND",
        "TLT", "IEF", "SHY", "LQD", "HYG", "GLD", "SLV", "USO", "VNQ", "XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP",
        "XLRE", "XLU", "XLV", "XLY", "SMH", "ARKK", "TQQQ", "SQQQ", "SPXL", "SH", "VIG", "SCHD", "RSP", "MDY",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The text name: us_equity, etf, crypto or future.</summary>
    public static string ToText(this AssetProfile profile) => profile switch
    {
        AssetProfile.UsEquity => "us_equity",
        AssetProfile.Etf => "etf",
        AssetProfile.Crypto => "crypto",
        AssetProfile.Future => "future",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown asset profile."),
    };

    /// <summary>Parses a text name (case-insensitive, surrounding blanks ignored); throws naming the text and the valid names.</summary>
    public static AssetProfile Parse(string text) =>
        TryParse(text, out var profile)
            ? profile
            : throw new FormatException($"Asset profile \"{text}\" is not known. Fix: use one of us_equity, etf, crypto, future.");

    public static bool TryParse(string? text, out AssetProfile profile)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "us_equity": profile = AssetProfile.UsEquity; return true;
            case "etf": profile = AssetProfile.Etf; return true;
            case "crypto": profile = AssetProfile.Crypto; return true;
            case "future": profile = AssetProfile.Future; return true;
            default: profile = default; return false;
        }
    }

    /// <summary>
    /// A best guess when the source does not say: CRYPTO exchange → crypto, a futures exchange → future,
    /// a well-known ETF ticker → etf, anything else → us_equity.
    /// </summary>
    public static AssetProfile Infer(Symbol symbol)
    {
        if (symbol.Exchange == Exchanges.Crypto) return AssetProfile.Crypto;
        if (Exchanges.Futures.Contains(symbol.Exchange)) return AssetProfile.Future;
        return WellKnownEtfs.Contains(symbol.Ticker) ? AssetProfile.Etf : AssetProfile.UsEquity;
    }
}
