using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>One ingestion run: the candidate symbols and the bar range [<see cref="Start"/>, <see cref="End"/>) in UTC.</summary>
public sealed record IngestionRequest(string RunId, IReadOnlyList<Symbol> Symbols, Timeframe Timeframe, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Throws naming the field and the fix when the request cannot run.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(RunId);
        ArgumentNullException.ThrowIfNull(Symbols);
        ArgumentNullException.ThrowIfNull(Timeframe);
        if (End <= Start)
            throw new ArgumentException($"The ingestion range is empty: end {End:O} is not after start {Start:O}. Fix: pass an end later than the start.", nameof(End));
    }
}
