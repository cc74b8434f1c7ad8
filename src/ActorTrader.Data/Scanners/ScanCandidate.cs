using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Scanners;

/// <summary>A symbol that passed a scanner, with the figures it passed on; one entry of <c>candidates.json</c>.</summary>
public sealed record ScanCandidate(
    Symbol Symbol,
    AssetProfile Profile,
    ScanDirection Direction,
    decimal? Close,
    decimal? AvgDollarVolume,
    double? Volatility,
    decimal? Momentum,
    int? ListingAgeDays);
