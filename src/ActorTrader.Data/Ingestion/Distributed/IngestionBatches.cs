using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion.Distributed;

/// <summary>
/// The producer side of distributed ingestion: cuts a request into batches of <see cref="BatchSize"/> symbols on the
/// <see cref="QueueName"/> work queue (any ingest node's <see cref="IngestionBatchHandler"/> takes them), then waits for
/// them and merges their results into one summary. Keys are the request's stable id and the batch index, so enqueueing
/// the same request again (after the producer crashed) adds nothing and waits on the same rows and results.
/// </summary>
public sealed class IngestionBatches
{
    /// <summary>The work queue of ingestion batches, worked by nodes with the ingest role.</summary>
    public const string QueueName = "ingestion-batches";

    public const int DefaultBatchSize = 25;

    public const int DefaultMaxAttempts = 3;

    private readonly WorkQueue _queue;
    private readonly TimeProvider _clock;

    /// <param name="queue">The cluster's work queues.</param>
    /// <param name="clock">Times the polls of <see cref="WaitAsync"/>.</param>
    /// <param name="batchSize">Symbols per batch (per work item).</param>
    /// <param name="maxAttempts">Claims a batch gets before it is dead and its symbols are reported failed.</param>
    public IngestionBatches(WorkQueue queue, TimeProvider clock, int batchSize = DefaultBatchSize, int maxAttempts = DefaultMaxAttempts)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        _queue = queue;
        _clock = clock;
        BatchSize = batchSize;
        MaxAttempts = maxAttempts;
    }

    public int BatchSize { get; }

    public int MaxAttempts { get; }

    /// <summary>The batches of <paramref name="request"/>, in order, without touching the queue.</summary>
    public IngestionBatchPlan Plan(DistributedIngestionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var requestId = request.RequestId(BatchSize);
        var symbols = request.DistinctSymbols();
        var count = (symbols.Count + BatchSize - 1) / BatchSize;
        var batches = new IngestionBatch[count];
        for (var i = 0; i < count; i++)
        {
            Symbol[] slice = [.. symbols.Skip(i * BatchSize).Take(BatchSize)];
            batches[i] = new IngestionBatch(requestId, i, count, request.Provider, request.Timeframe, request.Start, request.End, request.FreshnessHours, slice);
        }
        return new IngestionBatchPlan(request, requestId, batches, 0);
    }

    /// <summary>Puts the request's batches on the queue (those not there yet); returns the plan to wait on.</summary>
    public async Task<IngestionBatchPlan> EnqueueAsync(DistributedIngestionRequest request, CancellationToken cancellationToken)
    {
        var plan = Plan(request);
        var items = plan.Batches.Select(b => new WorkRequest(b.Key, IngestionBatchJson.SerializeBatch(b), MaxAttempts)).ToArray();
        var added = await _queue.EnqueueAsync(QueueName, items, cancellationToken).ConfigureAwait(false);
        return plan with { Enqueued = added };
    }

    /// <summary>Where the plan's batches stand now.</summary>
    public async Task<IngestionBatchProgress> ProgressAsync(IngestionBatchPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var outcomes = await ReadAsync(plan, cancellationToken).ConfigureAwait(false);
        return Progress(plan, outcomes);
    }

    /// <summary>
    /// Polls every <paramref name="pollInterval"/> until every batch is done or dead, then returns the merged summary.
    /// <paramref name="onProgress"/> hears each poll's counts. Cancelling stops the wait only; the batches go on.
    /// </summary>
    public async Task<DistributedIngestionSummary> WaitAsync(IngestionBatchPlan plan, TimeSpan pollInterval,
        Action<IngestionBatchProgress>? onProgress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        var waitStarted = _clock.GetUtcNow();
        while (true)
        {
            var outcomes = await ReadAsync(plan, cancellationToken).ConfigureAwait(false);
            var progress = Progress(plan, outcomes);
            onProgress?.Invoke(progress);
            if (progress.Pending == 0) return Merge(plan, outcomes, waitStarted);
            await Task.Delay(pollInterval, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the plan's rows (once its summary is kept), so the same request can run again later; returns how many there were.</summary>
    public Task<int> ForgetAsync(IngestionBatchPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return _queue.DeleteAsync(QueueName, plan.Keys, cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, WorkOutcome>> ReadAsync(IngestionBatchPlan plan, CancellationToken cancellationToken)
    {
        var outcomes = await _queue.ReadOutcomesAsync(QueueName, plan.Keys, cancellationToken).ConfigureAwait(false);
        var missing = plan.Keys.Where(k => !outcomes.ContainsKey(k)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"Ingestion request {plan.RequestId} has {missing.Length} batch(es) not on work queue '{QueueName}' ({string.Join(", ", missing)}): " +
                "they were deleted or never enqueued. Fix: enqueue the request again with EnqueueAsync (done batches keep their results).");
        }
        return outcomes;
    }

    private static IngestionBatchProgress Progress(IngestionBatchPlan plan, IReadOnlyDictionary<string, WorkOutcome> outcomes)
    {
        var done = outcomes.Values.Count(o => o.Status == WorkStatus.Done);
        var dead = outcomes.Values.Count(o => o.Status == WorkStatus.Dead);
        return new IngestionBatchProgress(plan.RequestId, plan.Batches.Count, done, dead);
    }

    private static DistributedIngestionSummary Merge(IngestionBatchPlan plan, IReadOnlyDictionary<string, WorkOutcome> outcomes, DateTimeOffset waitStarted)
    {
        var request = plan.Request;
        var results = new List<IngestionSummary>();
        var dead = new List<DeadIngestionBatch>();
        var completedBy = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var batch in plan.Batches)
        {
            var outcome = outcomes[batch.Key];
            if (outcome.Status == WorkStatus.Done)
            {
                results.Add(IngestionBatchJson.ParseResult(batch.Key, outcome.Result
                    ?? throw new InvalidDataException($"Ingestion batch '{batch.Key}' is done but has no result. Fix: forget the request (ForgetAsync) and enqueue it again.")));
                if (outcome.CompletedBy is { } worker) completedBy[batch.Key] = worker;
            }
            else
            {
                dead.Add(new DeadIngestionBatch(batch.Key, batch.Index, batch.Symbols, outcome.Error ?? "no error recorded", outcome.Attempts));
            }
        }

        var failed = results.SelectMany(r => r.Failed).Concat(dead.SelectMany(d => d.Symbols.Select(s => new SymbolFailure(s,
            $"ingestion batch {d.Key} is dead after {d.Attempts} attempt(s): {d.Error}", 0))));
        var startedAt = results.Count > 0 ? results.Min(r => r.StartedAt) : waitStarted;
        var endedAt = results.Count > 0 ? results.Max(r => r.StartedAt + r.Duration) : waitStarted;
        var summary = new IngestionSummary(
            plan.RequestId,
            request.Provider,
            request.Timeframe.Name,
            request.Start,
            request.End,
            startedAt,
            endedAt - startedAt,
            plan.Batches.Sum(b => b.Symbols.Count),
            results.Sum(r => r.Fetched),
            [.. results.SelectMany(r => r.SkippedFresh).OrderBy(s => s.Symbol)],
            [.. results.SelectMany(r => r.Rejected).OrderBy(r => r.Symbol)],
            [.. failed.OrderBy(f => f.Symbol)],
            [.. results.SelectMany(r => r.Quarantined).OrderBy(q => q.Symbol)],
            results.Sum(r => r.SymbolsWritten),
            results.Sum(r => r.BarsFetched),
            results.Sum(r => r.BarsWritten),
            results.Any(r => r.Cancelled));
        return new DistributedIngestionSummary(plan.RequestId, summary, plan.Batches.Count, dead, completedBy);
    }
}
