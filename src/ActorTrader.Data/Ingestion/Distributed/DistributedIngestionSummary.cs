namespace ActorTrader.Data.Ingestion.Distributed;

/// <summary>
/// The outcome of a whole distributed ingestion: <see cref="Summary"/> merges the batches' per-symbol outcomes (written,
/// skipped fresh, rejected, failed, quarantined) as one run with <see cref="RequestId"/> as its run id, so it prints and
/// saves like a local run (<see cref="IngestionSummaryText"/>, <see cref="IngestionSummaryJson"/>). The symbols of each
/// of <see cref="DeadBatches"/> are among <see cref="IngestionSummary.Failed"/> with the batch's error.
/// </summary>
/// <param name="CompletedBy">The worker that finished each done batch, by key (the ingest nodes that did the work).</param>
public sealed record DistributedIngestionSummary(
    string RequestId,
    IngestionSummary Summary,
    int Batches,
    IReadOnlyList<DeadIngestionBatch> DeadBatches,
    IReadOnlyDictionary<string, string> CompletedBy);
