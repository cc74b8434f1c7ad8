using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Cli.Data;

/// <summary>
/// What <c>actortrader ingest</c> was asked: provider, symbols (listed or from a scan run), range and timeframe, and
/// whether the cluster's ingest nodes do the work (<see cref="Cluster"/>, <c>--cluster</c>).
/// </summary>
internal sealed record IngestOptions(
    string? Provider,
    IReadOnlyList<Symbol> Symbols,
    string? FromScan,
    DateOnly? Start,
    DateOnly? End,
    Timeframe Timeframe,
    double? FreshnessHours,
    bool Cluster = false);
