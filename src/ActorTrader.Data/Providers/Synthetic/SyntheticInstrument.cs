using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>
/// The fixed parameters of one synthetic symbol, all drawn from (seed, symbol) so they never depend on what
/// else is generated: start price, drift, market beta, sector, volatilities, jumps, volume level and tick size.
/// The sector depends on the symbol only, so it is the same for every seed.
/// </summary>
internal sealed record SyntheticInstrument(
    Symbol Symbol,
    AssetProfile Profile,
    SessionSchedule Schedule,
    SessionSchedule SectorSchedule,
    ulong Key,
    ulong MarketKey,
    ulong SectorKey,
    string Sector,
    double LogStartPrice,
    double Drift,
    double MarketBeta,
    double MarketSigma,
    double SectorSigma,
    double IdiosyncraticSigma,
    JumpParameters Jumps,
    double VolumeLevel,
    double AverageTradeSize,
    byte PriceDecimals,
    byte VolumeDecimals)
{
    private const double EquityMarketSigma = 0.15;

    /// <summary>Annual volatility of the diffusion part (market, sector and own), before regimes.</summary>
    public double TotalSigma { get; } = Math.Sqrt(
        (MarketBeta * MarketBeta * MarketSigma * MarketSigma) + (SectorSigma * SectorSigma) + (IdiosyncraticSigma * IdiosyncraticSigma));

    public bool IsCrypto => Profile == AssetProfile.Crypto;

    /// <summary>Key of the per-day bar shape draws (gap, volume, wicks).</summary>
    public ulong ShapeKey { get; } = CounterRng.Derive(Key, 3);

    /// <summary>Key of the per-day trade-count noise.</summary>
    public ulong TradeCountKey { get; } = CounterRng.Derive(Key, 4);

    /// <summary>Key of the 1-minute path and volume draws.</summary>
    public ulong MinuteKey { get; } = CounterRng.Derive(Key, 5);

    /// <summary>Key of the symbol's own (idiosyncratic) walk.</summary>
    public ulong IdiosyncraticKey { get; } = CounterRng.Derive(Key, 1);

    /// <summary>Key of the symbol's jumps.</summary>
    public ulong JumpKey { get; } = CounterRng.Derive(Key, 2);

    public static SyntheticInstrument Create(Symbol symbol, AssetProfile profile, ulong seedKey, SyntheticTimeline timeline)
    {
        var symbolHash = StableHash.Of(symbol);
        var key = CounterRng.Derive(seedKey ^ symbolHash, 0x5AB0);
        var draw = CounterRng.Derive(key, 0);
        double U(int i) => CounterRng.Uniform(draw, i);
        double LogUniform(int i, double low, double high) => Math.Log(low) + (U(i) * (Math.Log(high) - Math.Log(low)));
        double Between(int i, double low, double high) => low + (U(i) * (high - low));

        var marketKey = CounterRng.Derive(seedKey, 0x4D4B54);
        switch (profile)
        {
            case AssetProfile.Crypto:
            {
                var logPrice = LogUniform(1, 0.05, 50_000);
                var price = Math.Exp(logPrice);
                return new SyntheticInstrument(symbol, profile, timeline.Crypto, timeline.Crypto, key, marketKey,
                    SectorFactorKey(seedKey, SyntheticSectors.CryptoIndex), SyntheticSectors.Crypto,
                    logPrice, Between(2, 0.0, 0.30), Between(3, 0.2, 0.6), EquityMarketSigma, 0.45, Between(4, 0.25, 0.55),
                    new JumpParameters(4, 0, 0.08),
                    Math.Exp(LogUniform(5, 1e6, 5e8)) / price, 2_000 / price, 8, 4);
            }
            case AssetProfile.Etf:
                return new SyntheticInstrument(symbol, profile, timeline.Nyse, timeline.Nyse, key, marketKey,
                    SectorFactorKey(seedKey, -1), SyntheticSectors.BroadMarket,
                    LogUniform(1, 40, 450), Between(2, 0.04, 0.09), Between(3, 0.9, 1.1), EquityMarketSigma, 0, Between(4, 0.02, 0.05),
                    new JumpParameters(0, 0, 0),
                    Math.Exp(LogUniform(5, 3e6, 8e7)), Between(6, 100, 250), 2, 0);
            default:
            {
                var sector = (int)(symbolHash % (ulong)SyntheticSectors.Equity.Length);
                return new SyntheticInstrument(symbol, profile, timeline.Nyse, timeline.Nyse, key, marketKey,
                    SectorFactorKey(seedKey, sector), SyntheticSectors.Equity[sector],
                    LogUniform(1, 8, 400), Between(2, 0.02, 0.12), Between(3, 0.7, 1.4), EquityMarketSigma, 0.15, Between(4, 0.12, 0.30),
                    new JumpParameters(2, -0.01, 0.06),
                    Math.Exp(LogUniform(5, 2e5, 3e7)), Between(6, 60, 300), 2, 0);
            }
        }
    }

    private static ulong SectorFactorKey(ulong seedKey, int sector) => CounterRng.Derive(seedKey, 0x5EC0_0000UL + (ulong)(sector + 1));
}
