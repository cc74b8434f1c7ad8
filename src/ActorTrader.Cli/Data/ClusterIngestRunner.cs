using System.Globalization;
using ActorTrader.Cluster;
using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Data.Ingestion;
using ActorTrader.Data.Ingestion.Distributed;
using ActorTrader.Data.Runs;
using ActorTrader.Hocon;
using ActorTrader.Hosting.Settings;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Journal;

namespace ActorTrader.Cli.Data;

/// <summary>
/// <c>actortrader ingest --cluster</c>: puts the ingestion on the cluster's work queue as batches of
/// <c>actortrader.cluster.ingestion.batch-size</c> symbols (<see cref="IngestionBatches"/>), which the nodes with role
/// ingest work on their own lakehouse and providers; shows batches done/total on stderr, waits, then prints and saves the
/// merged summary like a local ingest and removes the batches from the queue, so the same request can run again later.
/// Ctrl+C stops the wait only: the batches stay queued and the nodes finish them; the same command waits for them again.
/// Exit 0 when every symbol was written or skipped as fresh, 1 when any was rejected or failed.
/// </summary>
internal sealed class ClusterIngestRunner(CliContext context, TimeProvider clock)
{
    /// <summary>How often the queue is read while waiting.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long without a finished batch before the wait checks that an ingest node took any.</summary>
    public static readonly TimeSpan StallWarning = TimeSpan.FromSeconds(30);

    private readonly Lock _output = new();

    public async Task<int> RunAsync(string? configFile, IngestOptions options, CancellationToken cancellationToken)
    {
        var environment = DataEnvironment.Load(context, configFile);
        var (cluster, postgres) = ClusterConnection(environment);
        var symbols = IngestRunner.ResolveSymbols(environment, options);
        var now = clock.GetUtcNow();
        var (start, end) = IngestRunner.Range(options, now);
        var request = new DistributedIngestionRequest(options.Provider ?? environment.Settings.Provider, symbols, options.Timeframe, start, end, options.FreshnessHours);

        await using var database = Open(postgres);
        var queue = new WorkQueue(database);
        var batches = new IngestionBatches(queue, clock, cluster.IngestionBatchSize);
        var plan = await Explain(database, () => PrepareAndEnqueueAsync(database, batches, request, cancellationToken)).ConfigureAwait(false);
        Progress($"Cluster ingestion {plan.RequestId}: {plan.Batches.Count} batch(es) of up to {batches.BatchSize} symbols on queue {IngestionBatches.QueueName} " +
            $"({plan.Enqueued} new, {plan.Batches.Count - plan.Enqueued} already queued) on PostgreSQL {database.Server}. Ctrl+C stops waiting; the nodes still finish the batches.");

        var result = await Explain(database, () => WaitAsync(batches, queue, plan, cancellationToken)).ConfigureAwait(false);
        var summaries = new IngestionSummaryStore(environment.Runs);
        var run = RunId.New(now);
        // The summary is saved as a run of this command; the request id (shared with the queue's rows) is printed beside it.
        var summary = result.Summary with { RunId = run.Value };
        summaries.Save(summary);
        await context.Out.WriteAsync(IngestionSummaryText.Format(summary)).ConfigureAwait(false);
        await context.Out.WriteLineAsync(Worked(result)).ConfigureAwait(false);
        await context.Out.WriteLineAsync($"Summary saved to {summaries.PathFor(run)}").ConfigureAwait(false);
        await Explain(database, () => batches.ForgetAsync(plan, CancellationToken.None)).ConfigureAwait(false);
        return summary.Rejected.Count + summary.Failed.Count == 0 && !summary.Cancelled ? ExitCodes.Ok : ExitCodes.Problems;
    }

    /// <summary>
    /// The cluster settings and the PostgreSQL the nodes share, from the same node file; a CLI error naming the key and
    /// the fix when the file does not describe a cluster.
    /// </summary>
    internal static (ClusterSettings Cluster, PostgresSettings Postgres) ClusterConnection(DataEnvironment environment)
    {
        var config = environment.Loaded.Config;
        var (cluster, clusterProblems) = ClusterSettings.Read(config);
        if (!cluster.Enabled)
        {
            throw new CliException(ExitCodes.Problems,
                $"ingest --cluster puts the batches on the cluster's PostgreSQL work queue, but {ClusterSettings.Section}.enabled = off in {environment.Loaded.Description}. " +
                $"Fix: use the node file of the cluster ({ClusterSettings.Section}.enabled = on, actortrader.persistence.journal = postgresql, ACTORTRADER_POSTGRES), or ingest locally without --cluster.");
        }
        var (persistence, persistenceProblems) = PersistenceSettings.Read(config);
        List<ConfigProblem> problems = [.. clusterProblems, .. persistenceProblems];
        if (problems.Count > 0)
        {
            throw new CliException(ExitCodes.Problems,
                $"ingest --cluster cannot reach the cluster: its configuration has problems:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Select(p => p.ToString()))}");
        }
        return (cluster, persistence.Postgres);
    }

    private static ClusterDatabase Open(PostgresSettings postgres)
    {
        try
        {
            return new ClusterDatabase(postgres.ConnectionString, postgres.Schema);
        }
        catch (PersistenceStoreException e)
        {
            throw new CliException(ExitCodes.Problems, e.Message, e);
        }
    }

    /// <summary>Creates the cluster tables if no node has yet (the nodes do the same), then enqueues the request's new batches.</summary>
    private static async Task<IngestionBatchPlan> PrepareAndEnqueueAsync(ClusterDatabase database, IngestionBatches batches, DistributedIngestionRequest request, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await batches.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DistributedIngestionSummary> WaitAsync(IngestionBatches batches, WorkQueue queue, IngestionBatchPlan plan, CancellationToken cancellationToken)
    {
        var watch = new ProgressWatch(clock.GetUtcNow());
        using var stopWatchdog = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watchdog = WatchdogAsync(queue, plan, watch, stopWatchdog.Token);
        try
        {
            return await batches.WaitAsync(plan, PollInterval, p =>
            {
                if (watch.Changed(p, clock.GetUtcNow()))
                    Progress($"Cluster ingestion {p.RequestId}: {p.Done}/{p.Batches} batches done{(p.Dead > 0 ? $", {p.Dead} dead" : "")}");
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.Problems,
                $"Stopped waiting for cluster ingestion {plan.RequestId}: its batches stay on queue {IngestionBatches.QueueName} and the ingest nodes finish them. " +
                "Run the same command again to wait for them and print the summary.");
        }
        finally
        {
            await stopWatchdog.CancelAsync().ConfigureAwait(false);
            await StoppedAsync(watchdog, stopWatchdog.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Every <see cref="StallWarning"/> without a finished batch: says so when no node has taken any batch yet, and goes on waiting.</summary>
    private async Task WatchdogAsync(WorkQueue queue, IngestionBatchPlan plan, ProgressWatch watch, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(StallWarning, clock, cancellationToken).ConfigureAwait(false);
            if (clock.GetUtcNow() - watch.LastChange < StallWarning) continue;
            var outcomes = await queue.ReadOutcomesAsync(IngestionBatches.QueueName, plan.Keys, cancellationToken).ConfigureAwait(false);
            if (outcomes.Values.Any(o => o.Attempts > 0 || o.IsFinished)) continue;
            var waiting = outcomes.Values.Count(o => o.Status == WorkStatus.Ready);
            Progress($"No node with role ingest has taken a batch yet ({waiting} waiting after {StallWarning.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s). " +
                "Fix: start a node with roles [ingest] in this cluster (actortrader.cluster.enabled = on, same PostgreSQL); still waiting.");
        }
    }

    private static async Task StoppedAsync(Task watchdog, CancellationToken stopped)
    {
        try
        {
            await watchdog.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopped.IsCancellationRequested)
        {
            // The wait is over: the watchdog was stopped on purpose.
        }
    }

    /// <summary>Runs a database step; a PostgreSQL problem becomes a CLI error with its explanation (server, operation, fix).</summary>
    private static async Task<T> Explain<T>(ClusterDatabase database, Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (PersistenceStoreException e)
        {
            throw new CliException(ExitCodes.Problems, $"ingest --cluster failed on PostgreSQL {database.Server}: {e.Message}", e);
        }
    }

    private static string Worked(DistributedIngestionSummary result)
    {
        var nodes = result.CompletedBy.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var dead = result.DeadBatches.Count > 0 ? $", {result.DeadBatches.Count} dead ({string.Join(", ", result.DeadBatches.Select(d => d.Key))})" : "";
        return $"Cluster request {result.RequestId}: {result.Batches} batch(es) worked by {(nodes.Length == 0 ? "no node" : string.Join(", ", nodes))}{dead}";
    }

    private void Progress(string line)
    {
        lock (_output) context.Error.WriteLine(line);
    }

    /// <summary>When the count of finished batches last changed (the first report counts as a change).</summary>
    private sealed class ProgressWatch(DateTimeOffset started)
    {
        private readonly Lock _gate = new();
        private int _finished = -1;
        private DateTimeOffset _lastChange = started;

        public DateTimeOffset LastChange
        {
            get
            {
                lock (_gate) return _lastChange;
            }
        }

        public bool Changed(IngestionBatchProgress progress, DateTimeOffset now)
        {
            lock (_gate)
            {
                var finished = progress.Done + progress.Dead;
                if (finished == _finished) return false;
                if (_finished >= 0) _lastChange = now;
                _finished = finished;
                return true;
            }
        }
    }
}
