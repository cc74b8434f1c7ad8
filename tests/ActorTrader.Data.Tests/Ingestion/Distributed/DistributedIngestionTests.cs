using ActorTrader.Actors;
using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Data.Ingestion;
using ActorTrader.Data.Ingestion.Distributed;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Data.Settings;
using ActorTrader.Data.Tests.Lakehouse.Support;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Streams;

namespace ActorTrader.Data.Tests.Ingestion.Distributed;

/// <summary>
/// Issue 11: ingestion batches on the PostgreSQL work queue, worked by ingest nodes (two workers in this process, each
/// with its own store over one lakehouse directory), on the synthetic provider with a fixed clock.
/// </summary>
public sealed class DistributedIngestionTests : TestKit.TestKit, IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 6, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Jan1 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Mar1 = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    // 41 NYSE sessions from Jan 1 to Mar 1, 2024 (Jan 1 and Feb 19 closed).
    private const int Sessions = 41;

    private static readonly IngestionSettings Settings = IngestionSettings.Default with
    {
        FreshnessHours = 0,
        Parallelism = 4,
        WriteBatchSize = 10,
        MaxAttempts = 2,
        WriteBatchInterval = TimeSpan.FromMilliseconds(50),
    };

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private readonly TempDirectory _lakehouse = new();
    private readonly ManualClock _clock = new(Now);
    private readonly SyntheticMarketDataProvider _synthetic = new(seed: 11);
    private WorkQueueDatabase _database = null!;

    public async Task InitializeAsync() => _database = await WorkQueueDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        // Listing IAsyncLifetime here replaces the kit's own teardown: stop the system (its workers) first, then drop their schema.
        await Sys.Terminate();
        await _database.DisposeAsync();
    }

    public void Dispose()
    {
        _lakehouse.Dispose();
        GC.SuppressFinalize(this);
    }

    private LakehouseLayout Layout => new(_lakehouse.Path);

    private IngestionBatches Batches(int batchSize = 25, int maxAttempts = 3) => new(_database.Queue, TimeProvider.System, batchSize, maxAttempts);

    private static DistributedIngestionRequest Request(int symbols) =>
        new(SyntheticMarketDataProvider.ProviderName, SyntheticMarketDataProvider.Universe(symbols), Timeframe.Day1, Jan1, Mar1);

    /// <summary>An ingest node's handler: its own store over the shared lakehouse directory, as another process would open it.</summary>
    private IngestionBatchHandler Node() => new(new IngestionNodeServices(ProviderFor, new ParquetBarStore(Layout, clock: _clock), Settings, _clock)
    {
        Delay = (_, _) => Task.CompletedTask,
        Jitter = () => 0,
    }, Sys.Materializer());

    private SyntheticMarketDataProvider ProviderFor(string name) =>
        name == _synthetic.Name ? _synthetic : throw new ArgumentException($"Provider \"{name}\" is not known to this node. Fix: use synthetic.", nameof(name));

    private void StartWorker(string node, IWorkHandler handler) =>
        Sys.ActorOf(WorkQueueWorker.Props(_database.Queue, new WorkerSettings(IngestionBatches.QueueName, node, 1, TimeSpan.FromSeconds(30), Poll, TimeSpan.Zero), handler), node);

    private static async Task<DistributedIngestionSummary> WaitAsync(IngestionBatches batches, IngestionBatchPlan plan)
    {
        // Only a guard against a hang: a correct run finishes in a few seconds.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        return await batches.WaitAsync(plan, Poll, null, patience.Token);
    }

    private int StoredBars(Symbol symbol) => new ParquetBarStore(Layout, clock: _clock).Read(symbol, Timeframe.Day1).Count;

    [Fact]
    public async Task Sixty_symbols_in_batches_of_25_are_enqueued_as_three_work_items()
    {
        var plan = await Batches(batchSize: 25).EnqueueAsync(Request(60), default);

        Assert.Equal(3, plan.Enqueued);
        Assert.Equal([25, 25, 10], plan.Batches.Select(b => b.Symbols.Count));
        Assert.Equal(SyntheticMarketDataProvider.Universe(60), plan.Batches.SelectMany(b => b.Symbols));
        Assert.Equal(new WorkQueueCounts(3, 0, 0, 0), await _database.Queue.CountsAsync(IngestionBatches.QueueName, default));
    }

    [Fact]
    public async Task Two_ingest_nodes_finish_every_batch_and_the_lakehouse_holds_each_symbols_bars_once()
    {
        var batches = Batches(batchSize: 25);
        var plan = await batches.EnqueueAsync(Request(60), default);
        StartWorker("node-a", Node());
        StartWorker("node-b", Node());

        var result = await WaitAsync(batches, plan);

        Assert.Empty(result.DeadBatches);
        Assert.Equal(3, result.CompletedBy.Count);
        Assert.All(result.CompletedBy.Values, worker => Assert.Contains(worker, new[] { "node-a", "node-b" }));
        Assert.Equal(60, result.Summary.Requested);
        Assert.Equal(60, result.Summary.SymbolsWritten);
        Assert.Equal(60L * Sessions, result.Summary.BarsWritten);
        Assert.Empty(result.Summary.Failed);
        Assert.All(SyntheticMarketDataProvider.Universe(60), symbol => Assert.Equal(Sessions, StoredBars(symbol)));
    }

    [Fact]
    public async Task A_batch_retried_after_its_first_attempt_wrote_its_bars_adds_no_bar_twice()
    {
        var batches = Batches(batchSize: 25);
        var plan = await batches.EnqueueAsync(Request(20), default);
        // The first attempt writes the whole batch, then its worker "dies" before the result is written back.
        StartWorker("node-a", new FailsFirstAttemptAfterWork(Node()));

        var result = await WaitAsync(batches, plan);

        var outcome = (await _database.Queue.ReadOutcomesAsync(IngestionBatches.QueueName, plan.Keys, default))[plan.Keys[0]];
        Assert.Equal((WorkStatus.Done, 2), (outcome.Status, outcome.Attempts));
        Assert.Equal(20, result.Summary.SymbolsWritten);
        Assert.Equal(0, result.Summary.BarsWritten);
        Assert.All(SyntheticMarketDataProvider.Universe(20), symbol => Assert.Equal(Sessions, StoredBars(symbol)));
    }

    [Fact]
    public async Task A_batch_run_again_on_another_node_after_writing_leaves_every_partition_as_it_was()
    {
        var plan = Batches(batchSize: 25).Plan(Request(5));
        var work = new ClaimedWork(1, IngestionBatches.QueueName, plan.Keys[0], IngestionBatchJson.SerializeBatch(plan.Batches[0]), 1, Guid.NewGuid());
        var first = IngestionBatchJson.ParseResult(work.Key, await Node().HandleAsync(work, default));
        var files = Directory.GetFiles(_lakehouse.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

        var second = IngestionBatchJson.ParseResult(work.Key, await Node().HandleAsync(work with { Attempt = 2 }, default));

        Assert.Equal((5, 5L * Sessions), (first.SymbolsWritten, first.BarsWritten));
        Assert.Equal((5, 0L), (second.SymbolsWritten, second.BarsWritten));
        Assert.Equal(files, Directory.GetFiles(_lakehouse.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        Assert.All(SyntheticMarketDataProvider.Universe(5), symbol => Assert.Equal(Sessions, StoredBars(symbol)));
    }

    [Fact]
    public async Task A_batch_whose_handler_keeps_throwing_is_dead_after_its_attempts_and_its_symbols_are_reported_failed_with_the_error()
    {
        var batches = Batches(batchSize: 25, maxAttempts: 2);
        var plan = await batches.EnqueueAsync(Request(30), default);
        var doomed = plan.Batches[1];
        StartWorker("node-a", new ThrowsFor(doomed.Key, Node()));

        var result = await WaitAsync(batches, plan);

        var dead = Assert.Single(result.DeadBatches);
        Assert.Equal((doomed.Key, 2, doomed.Symbols), (dead.Key, dead.Attempts, dead.Symbols));
        Assert.Contains("the disk of this node is gone", dead.Error, StringComparison.Ordinal);
        Assert.Equal(doomed.Symbols, result.Summary.Failed.Select(f => f.Symbol));
        Assert.All(result.Summary.Failed, f => Assert.Contains($"{doomed.Key} is dead after 2 attempt(s)", f.Error, StringComparison.Ordinal));
        Assert.All(result.Summary.Failed, f => Assert.Contains("the disk of this node is gone", f.Error, StringComparison.Ordinal));
        Assert.Equal(30, result.Summary.Requested);
        Assert.Equal(25, result.Summary.SymbolsWritten);
    }

    [Fact]
    public async Task Enqueueing_the_same_request_twice_adds_nothing_and_names_the_same_batches()
    {
        var batches = Batches(batchSize: 25);
        var first = await batches.EnqueueAsync(Request(60), default);
        var reordered = Request(60) with { Symbols = [.. SyntheticMarketDataProvider.Universe(60).Reverse()] };

        var second = await batches.EnqueueAsync(reordered, default);

        Assert.Equal(0, second.Enqueued);
        Assert.Equal(first.Keys, second.Keys);
        Assert.Equal(3L, (await _database.Queue.CountsAsync(IngestionBatches.QueueName, default)).Total);
    }

    [Fact]
    public void A_different_range_is_a_different_request()
    {
        var request = Request(10);

        Assert.NotEqual(request.RequestId(25), (request with { End = Mar1.AddDays(1) }).RequestId(25));
    }

    [Fact]
    public void A_batch_payload_reads_back_as_the_same_batch()
    {
        var batch = Batches().Plan(Request(3) with { FreshnessHours = 1.5 }).Batches[0];

        var read = IngestionBatchJson.ParseBatch(batch.Key, IngestionBatchJson.SerializeBatch(batch));

        Assert.Equal((batch.Key, batch.Provider, batch.Timeframe, batch.Start, batch.End, batch.FreshnessHours), (read.Key, read.Provider, read.Timeframe, read.Start, read.End, read.FreshnessHours));
        Assert.Equal(batch.Symbols, read.Symbols);
    }

    /// <summary>Does the work, then fails the first attempt as a worker dying before its result is written would.</summary>
    private sealed class FailsFirstAttemptAfterWork(IWorkHandler inner) : IWorkHandler
    {
        public async Task<string> HandleAsync(ClaimedWork work, CancellationToken cancellationToken)
        {
            var result = await inner.HandleAsync(work, cancellationToken);
            return work.Attempt == 1 ? throw new IOException("the worker died after writing") : result;
        }
    }

    private sealed class ThrowsFor(string key, IWorkHandler inner) : IWorkHandler
    {
        public Task<string> HandleAsync(ClaimedWork work, CancellationToken cancellationToken) =>
            work.Key == key ? throw new IOException("the disk of this node is gone") : inner.HandleAsync(work, cancellationToken);
    }
}
