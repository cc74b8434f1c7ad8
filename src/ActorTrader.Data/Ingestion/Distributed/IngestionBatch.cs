using System.Globalization;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion.Distributed;

/// <summary>
/// Batch <see cref="Index"/> of <see cref="Count"/> of request <see cref="RequestId"/>: everything a worker on any ingest
/// node needs to ingest its <see cref="Symbols"/>. It travels as the work item's payload (<see cref="IngestionBatchJson"/>).
/// </summary>
public sealed record IngestionBatch(
    string RequestId,
    int Index,
    int Count,
    string Provider,
    Timeframe Timeframe,
    DateTimeOffset Start,
    DateTimeOffset End,
    double? FreshnessHours,
    IReadOnlyList<Symbol> Symbols)
{
    /// <summary>The work item's key: the request id and the batch index, e.g. <c>ingest-0a1b…/00002</c>.</summary>
    public string Key => KeyOf(RequestId, Index);

    /// <summary>The run id of the batch's pipeline, recorded as provenance in the partitions it writes.</summary>
    public string RunId => RequestId + "-" + Index.ToString("D5", CultureInfo.InvariantCulture);

    public static string KeyOf(string requestId, int index) => requestId + "/" + index.ToString("D5", CultureInfo.InvariantCulture);
}
