using ActorTrader.Actors;
using ActorTrader.Cluster.WorkQueues;

namespace ActorTrader.Data.Ingestion.Distributed;

/// <summary>
/// The <see cref="WorkQueueWorker"/> of an ingest node on <see cref="IngestionBatches.QueueName"/>: what the node starts
/// for the ingest role.
/// </summary>
public static class IngestionBatchWorker
{
    /// <summary>
    /// Worker settings for node <paramref name="nodeName"/>: <paramref name="parallelism"/> batches at once (each fetches
    /// with the node's own ingestion parallelism), a 2-minute visibility timeout (extended while a batch runs), a poll
    /// every 2 s and a failed batch retried after 10 s.
    /// </summary>
    public static WorkerSettings Settings(string nodeName, int parallelism = 1) =>
        new(IngestionBatches.QueueName, nodeName + "/ingest", parallelism, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));

    public static Props Props(WorkQueue queue, WorkerSettings settings, IngestionBatchHandler handler)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Queue != IngestionBatches.QueueName)
            throw new ArgumentException($"An ingestion batch worker works queue '{IngestionBatches.QueueName}', not '{settings.Queue}'. Fix: start from IngestionBatchWorker.Settings.", nameof(settings));
        return WorkQueueWorker.Props(queue, settings, handler);
    }
}
