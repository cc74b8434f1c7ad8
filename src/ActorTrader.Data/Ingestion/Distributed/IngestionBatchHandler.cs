using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Streams;

namespace ActorTrader.Data.Ingestion.Distributed;

/// <summary>
/// Works one ingestion batch on this node: runs the ordinary <see cref="IngestionPipeline"/> for the batch's symbols on
/// the node's providers and lakehouse, and returns the batch run's summary as JSON (<see cref="IngestionBatchJson"/>).
/// Running a batch again (its worker died after writing) adds no bar twice: the lakehouse drops bars whose timestamps
/// are already stored. A stopped worker's batch throws <see cref="OperationCanceledException"/> rather than returning a
/// partial result, so another attempt does the whole batch.
/// </summary>
public sealed class IngestionBatchHandler : IWorkHandler
{
    private readonly IngestionNodeServices _services;
    private readonly IMaterializer _materializer;

    public IngestionBatchHandler(IngestionNodeServices services, IMaterializer materializer)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(materializer);
        _services = services;
        _materializer = materializer;
    }

    public async Task<string> HandleAsync(ClaimedWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var batch = IngestionBatchJson.ParseBatch(work.Key, work.Payload);
        var s = _services;
        var provider = s.ProviderFor(batch.Provider);
        var settings = batch.FreshnessHours is { } hours ? s.Settings with { FreshnessHours = hours } : s.Settings;
        var dependencies = new IngestionDependencies(provider, s.Store, settings, s.CalendarFor, s.Clock)
        {
            Catalog = s.Catalog,
            Delay = s.Delay,
            Jitter = s.Jitter,
        };
        var request = new IngestionRequest(batch.RunId, batch.Symbols, batch.Timeframe, batch.Start, batch.End);
        var (_, running) = new IngestionPipeline(dependencies).Run(request, _materializer, cancellationToken: cancellationToken);
        var summary = await running.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (summary.Cancelled)
            throw new InvalidOperationException($"Ingestion batch {work.Key} was stopped before each of its {summary.Requested} symbol(s) was handled; the next attempt runs it again.");
        return IngestionBatchJson.SerializeResult(summary);
    }
}
