using ActorTrader.Data.Providers;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// What the freshness stage decided for one symbol: skip it (<see cref="SkipReason"/> set), or fetch
/// <see cref="Request"/>, validating its first bar against <see cref="LastStored"/>.
/// </summary>
public sealed record FetchPlan(Symbol Symbol, BarRequest? Request, Bar? LastStored, string? SkipReason)
{
    public bool IsSkipped => SkipReason is not null;
}
