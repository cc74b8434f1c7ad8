using ActorTrader.Domain.Instruments;

namespace ActorTrader.Brokers.Abstractions;

/// <summary>What the broker allows for one symbol (Alpaca GET /v2/assets).</summary>
public sealed record BrokerAsset(
    Symbol Symbol,
    string AssetClass,
    bool Tradable,
    bool Shortable,
    bool EasyToBorrow,
    bool Fractionable,
    string Status = "active");
