namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>The sectors synthetic symbols are assigned to; each has its own factor shared by its members.</summary>
internal static class SyntheticSectors
{
    /// <summary>GICS-like equity sectors; an equity's sector is its symbol hash modulo this list.</summary>
    public static readonly string[] Equity =
    [
        "Technology", "Health Care", "Financials", "Consumer Discretionary", "Consumer Staples", "Industrials",
        "Energy", "Materials", "Utilities", "Real Estate", "Communication Services",
    ];

    public const string BroadMarket = "Broad Market";
    public const string Crypto = "Crypto";

    /// <summary>Factor ids: equity sectors 0..10, then crypto; ETFs load on the market only.</summary>
    public static int CryptoIndex => Equity.Length;
}
