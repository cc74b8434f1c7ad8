using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Catalog;

/// <summary>
/// One version of a symbol in <c>symbols.parquet</c>, true from <see cref="ValidFrom"/> (inclusive) until
/// <see cref="ValidTo"/> (exclusive; null while it is the current version). Time zone and session are always
/// resolved; <see cref="TimeZoneSource"/> and <see cref="SessionSource"/> say from where.
/// </summary>
public sealed record SymbolVersion(
    Symbol Symbol,
    AssetProfile Profile,
    string? Name,
    string TimeZone,
    ValueSource TimeZoneSource,
    string Session,
    ValueSource SessionSource,
    decimal? TickSize,
    decimal? LotSize,
    DateOnly? ListedOn,
    bool Tradable,
    bool Shortable,
    string? Sector,
    string Source,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidTo)
{
    public bool IsCurrent => ValidTo is null;

    /// <summary>Whether this version was in force at <paramref name="instant"/>.</summary>
    public bool ValidAt(DateTimeOffset instant) => ValidFrom <= instant && (ValidTo is null || instant < ValidTo);

    /// <summary>
    /// Whether the fields that change how the symbol trades differ: profile, time zone, session, tick size, lot size,
    /// listing date, tradable, shortable. Name, sector, source and the value sources are descriptive: a change there
    /// updates the current version in place instead of starting a new one (names are spelled differently by
    /// different providers, and a rename does not change a backtest).
    /// </summary>
    public bool TradesLike(SymbolVersion other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Profile == other.Profile
            && string.Equals(TimeZone, other.TimeZone, StringComparison.Ordinal)
            && string.Equals(Session, other.Session, StringComparison.Ordinal)
            && TickSize == other.TickSize
            && LotSize == other.LotSize
            && ListedOn == other.ListedOn
            && Tradable == other.Tradable
            && Shortable == other.Shortable;
    }

    /// <summary>Whether the descriptive fields are the same too (then an upsert changes nothing).</summary>
    public bool DescribedLike(SymbolVersion other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Name, other.Name, StringComparison.Ordinal)
            && string.Equals(Sector, other.Sector, StringComparison.Ordinal)
            && string.Equals(Source, other.Source, StringComparison.Ordinal)
            && TimeZoneSource == other.TimeZoneSource
            && SessionSource == other.SessionSource;
    }
}
