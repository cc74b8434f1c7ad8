using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Providers;

/// <summary>
/// What a provider says about a symbol. Null fields are unknown: the catalog resolves them from the
/// exchange's defaults, then a documented fallback (never UTC/24x7 for a non-crypto symbol).
/// </summary>
public sealed record SymbolMetadata(
    Symbol Symbol,
    AssetProfile Profile,
    string? Name = null,
    string? TimeZone = null,
    string? Session = null,
    decimal? TickSize = null,
    decimal? LotSize = null,
    DateOnly? ListedOn = null,
    bool Tradable = true,
    bool Shortable = false,
    string? Sector = null);
