namespace ActorTrader.Data.Ingestion.Distributed;

/// <summary>
/// A request cut into batches and put on the queue: <see cref="Enqueued"/> counts the batches that were new (0 when the
/// same request was enqueued before, whose rows, and results, are reused).
/// </summary>
public sealed record IngestionBatchPlan(DistributedIngestionRequest Request, string RequestId, IReadOnlyList<IngestionBatch> Batches, int Enqueued)
{
    /// <summary>The work item keys, in batch order.</summary>
    public IReadOnlyList<string> Keys => [.. Batches.Select(b => b.Key)];
}
