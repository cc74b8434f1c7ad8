using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Providers;

/// <summary>Bars of one symbol and timeframe with <see cref="Start"/> ≤ timestamp &lt; <see cref="End"/> (both UTC).</summary>
public sealed record BarRequest(Symbol Symbol, Timeframe Timeframe, DateTimeOffset Start, DateTimeOffset End);
