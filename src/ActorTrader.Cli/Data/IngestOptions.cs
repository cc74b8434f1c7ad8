using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Cli.Data;

/// <summary>What <c>actortrader ingest</c> was asked: provider, symbols (listed or from a scan run), range and timeframe.</summary>
internal sealed record IngestOptions(
    string? Provider,
    IReadOnlyList<Symbol> Symbols,
    string? FromScan,
    DateOnly? Start,
    DateOnly? End,
    Timeframe Timeframe,
    double? FreshnessHours);
