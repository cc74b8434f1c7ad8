using System.Collections.Frozen;

namespace ActorTrader.Domain.Instruments;

/// <summary>Exchange names as they appear in <see cref="Symbol.Exchange"/>.</summary>
public static class Exchanges
{
    public const string Nyse = "NYSE";
    public const string Nasdaq = "NASDAQ";
    public const string Arca = "ARCA";
    public const string Amex = "AMEX";
    public const string Bats = "BATS";
    public const string Iex = "IEX";
    public const string Otc = "OTC";
    public const string Crypto = "CRYPTO";

    /// <summary>US equity venues; they share the NYSE holidays and regular hours.</summary>
    public static FrozenSet<string> UsEquity { get; } =
        new[] { Nyse, Nasdaq, Arca, Amex, Bats, Iex, Otc }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>US futures venues.</summary>
    public static FrozenSet<string> Futures { get; } =
        new[] { "CME", "CBOT", "NYMEX", "COMEX", "CFE", "ICE" }.ToFrozenSet(StringComparer.Ordinal);
}
