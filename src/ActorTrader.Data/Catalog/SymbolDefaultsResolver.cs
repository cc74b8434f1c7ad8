using ActorTrader.Data.Providers;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Catalog;

/// <summary>
/// Fills a symbol's time zone, session, tick size and lot size: the provider's value, else the exchange's default from
/// <c>exchanges.parquet</c> (unless that row is itself a fallback), else <see cref="ExchangeDefaults.Fallback"/>.
/// A value is skipped (with a note) when it is not valid — an unknown time-zone id, a session not in
/// <see cref="SessionHours"/> notation — or when it would put a non-crypto symbol on UTC or 24x7: such symbols keep an
/// exchange clock whatever a provider or table says, and only crypto gets UTC/24x7.
/// </summary>
internal static class SymbolDefaultsResolver
{
    private static readonly HashSet<string> UtcIds = new(StringComparer.OrdinalIgnoreCase)
    {
        "UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu", "Z",
        "GMT", "Etc/GMT", "GMT0", "Etc/GMT0", "GMT+0", "Etc/GMT+0", "GMT-0", "Etc/GMT-0", "Greenwich", "Etc/Greenwich",
    };

    public readonly record struct Resolved(string TimeZone, ValueSource TimeZoneSource, string Session, ValueSource SessionSource, decimal? TickSize, decimal? LotSize);

    public static Resolved Resolve(SymbolMetadata metadata, ExchangeInfo? exchange, List<string> notes)
    {
        var crypto = metadata.Profile == AssetProfile.Crypto;
        var known = exchange is { IsFallback: false } ? exchange : null;
        var fallback = ExchangeDefaults.Fallback(metadata.Symbol.Exchange, metadata.Profile);

        var (timeZone, timeZoneSource) = Pick(
            metadata.Symbol, "time zone", crypto, notes,
            (metadata.TimeZone, ValueSource.Provider), (known?.TimeZone, ValueSource.Exchange), (fallback.TimeZone, ValueSource.Fallback),
            NormalizeTimeZone, IsUtc);
        var (session, sessionSource) = Pick(
            metadata.Symbol, "session", crypto, notes,
            (metadata.Session, ValueSource.Provider), (known?.Session, ValueSource.Exchange), (fallback.Session, ValueSource.Fallback),
            SessionHours.Normalize, s => s == SessionHours.AllWeek);
        if (timeZoneSource == ValueSource.Fallback || sessionSource == ValueSource.Fallback)
        {
            notes.Add($"{metadata.Symbol}: no {(timeZoneSource == ValueSource.Fallback ? "time zone" : "session")} from the provider or a known exchange; used the fallback {timeZone} {session}. Fix: add the exchange {metadata.Symbol.Exchange} to exchanges.parquet with its real hours.");
        }

        return new Resolved(
            timeZone, timeZoneSource, session, sessionSource,
            metadata.TickSize ?? known?.TickSize, metadata.LotSize ?? known?.LotSize);
    }

    private static (string Value, ValueSource Source) Pick(
        Symbol symbol,
        string what,
        bool crypto,
        List<string> notes,
        (string? Value, ValueSource Source) provider,
        (string? Value, ValueSource Source) exchange,
        (string Value, ValueSource Source) fallback,
        Func<string?, string?> normalize,
        Func<string, bool> isRoundTheClock)
    {
        foreach (var (raw, source) in new[] { provider, exchange })
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var value = normalize(raw);
            if (value is null)
            {
                notes.Add($"{symbol}: {source} {what} \"{raw}\" is not valid; ignored.");
                continue;
            }

            if (!crypto && isRoundTheClock(value))
            {
                notes.Add($"{symbol}: {source} {what} \"{raw}\" ignored: only crypto trades on UTC/24x7, a non-crypto symbol keeps its exchange's clock.");
                continue;
            }

            return (value, source);
        }

        return fallback;
    }

    private static string? NormalizeTimeZone(string? id)
    {
        var trimmed = id?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (UtcIds.Contains(trimmed)) return ExchangeDefaults.Utc;
        return TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var zone) ? zone.Id : null;
    }

    private static bool IsUtc(string id) => string.Equals(id, ExchangeDefaults.Utc, StringComparison.Ordinal);
}
