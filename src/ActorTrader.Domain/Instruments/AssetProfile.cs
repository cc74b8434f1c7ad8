namespace ActorTrader.Domain.Instruments;

/// <summary>What kind of instrument a symbol is; decides its calendar, shorting rules and defaults.</summary>
public enum AssetProfile
{
    UsEquity,
    Etf,
    Crypto,
    Future,
}
