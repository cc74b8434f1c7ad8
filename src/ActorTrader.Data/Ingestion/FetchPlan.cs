using ActorTrader.Data.Providers;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// What the planning stage decided for one symbol: skip it (<see cref="SkipReason"/> set), refuse it
/// (<see cref="Rejection"/> set, e.g. synthetic bars for a partition of real ones), or fetch <see cref="Request"/>,
/// validating its first bar against <see cref="LastStored"/>.
/// </summary>
public sealed record FetchPlan(Symbol Symbol, BarRequest? Request, Bar? LastStored, string? SkipReason)
{
    /// <summary>Why the symbol is refused without fetching; null when it is fetched or skipped.</summary>
    public SymbolRejection? Rejection { get; init; }

    public bool IsSkipped => SkipReason is not null;

    /// <summary>Fetch the whole range, nothing stored to check the first bar against.</summary>
    public static FetchPlan Whole(Symbol symbol, Timeframe timeframe, DateTimeOffset start, DateTimeOffset end) =>
        new(symbol, new BarRequest(symbol, timeframe, start, end), null, null);

    /// <summary>Refuse the symbol without fetching it.</summary>
    public static FetchPlan Refused(SymbolRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new FetchPlan(rejection.Symbol, null, null, null) { Rejection = rejection };
    }
}
