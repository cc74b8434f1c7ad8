using ActorTrader.Actors;
using ActorTrader.Cluster;
using ActorTrader.Cluster.Tests.Support;
using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Evaluation.Distributed;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Synthetic;
using ActorTrader.Research.Tests.Fitness;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Streams;

namespace ActorTrader.Research.Tests.Evaluation.Distributed;

/// <summary>
/// The cluster backend with research nodes simulated in one process: each node a <see cref="WorkQueueWorker"/> with its own
/// <see cref="EvaluationWorkHandler"/> (own data source and evaluator factory) on one PostgreSQL work queue.
/// </summary>
public sealed class ClusterEvaluationBackendTests : TestKit.TestKit, IClassFixture<ClusterDatabaseFixture>, IDisposable
{
    private static readonly PlantedMarket Market = PlantedMarket.Create(seed: 1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ClusterDatabase _database;
    private readonly WorkQueue _work;
    private readonly ClusterEvaluationSettings _settings = new() { Queue = $"research-{Guid.NewGuid():N}", PollInterval = TimeSpan.FromMilliseconds(50) };

    public ClusterEvaluationBackendTests(ClusterDatabaseFixture fixture)
    {
        _database = fixture.NewDatabase();
        _work = new WorkQueue(_database);
    }

    // xunit disposes after the actor system has terminated (IAsyncLifetime first), so no worker still uses the pool.
    public void Dispose() => _database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static IReadOnlyList<Genome> Genomes() =>
    [
        Breakout.Genome(),
        Breakout.Genome(("hold_bars", 5)),
        Breakout.Genome(("volume_multiple", 2.5)),
        Breakout.Genome(("breakout_window", 40)),
        Breakout.Genome(("volume_multiple", 9)),
        Breakout.Genome(("hold_bars", 12), ("stop_atr", 3)),
    ];

    [Fact]
    public async Task Two_research_nodes_return_exactly_the_local_backends_results()
    {
        var genomes = Genomes();
        var local = await new LocalEvaluationBackend(Sys.Materializer(), parallelism: 2).EvaluateAsync(Market.Evaluator, genomes);
        StartNode("n1", Handler("n1"));
        StartNode("n2", Handler("n2"));

        var results = await Backend().EvaluateAsync(Market.Evaluator, genomes).WaitAsync(Patience);

        FitnessAssert.Identical(local, results);
        Assert.Contains(results, r => r.IsWorst);
        Assert.Contains(results, r => !r.IsWorst);
    }

    [Fact]
    public async Task A_node_stopped_mid_batch_loses_no_evaluation()
    {
        var genomes = Genomes();
        var local = await new LocalEvaluationBackend(Sys.Materializer(), parallelism: 1).EvaluateAsync(Market.Evaluator, genomes);
        var stuck = new StuckOnFirstItem(Handler("n1"));
        var first = StartNode("n1", stuck, visibility: TimeSpan.FromSeconds(1));
        var evaluation = Backend().EvaluateAsync(Market.Evaluator, genomes);
        await stuck.Started.Task.WaitAsync(Patience);

        Watch(first);
        Sys.Stop(first);
        await ExpectTerminatedAsync(first);
        StartNode("n2", Handler("n2"), visibility: TimeSpan.FromSeconds(1));

        FitnessAssert.Identical(local, await evaluation.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_generation_evaluated_again_reuses_results_already_written()
    {
        var genomes = Genomes();
        var identity = EvaluatorIdentity.Of(Market.Evaluator);
        var key = EvaluationWorkKey.Of(Market.Window, identity, genomes[0]);
        // As if the population crashed after this evaluation was done: its result is waiting on the queue.
        var earlier = Market.Evaluator.Evaluate(genomes[0]) with { Fitness = 42 };
        await _work.EnqueueAsync(_settings.Queue, [new(key, "{}")], default);
        var claim = Assert.Single(await _work.ClaimAsync(_settings.Queue, "before-the-crash", 1, TimeSpan.FromMinutes(1), default));
        await _work.CompleteAsync(claim, EvaluationJson.Write(earlier), default);
        StartNode("n1", Handler("n1"));

        var results = await Backend().EvaluateAsync(Market.Evaluator, genomes).WaitAsync(Patience);

        Assert.Equal(42, results[0].Fitness);
        FitnessAssert.Identical(Market.Evaluator.Evaluate(genomes[1]), results[1]);
    }

    [Fact]
    public async Task A_node_with_other_data_refuses_the_work_naming_both_fingerprints()
    {
        var other = new PlantedDataSource(seed: 2);
        StartNode("n9", new EvaluationWorkHandler("n9", StrategyCatalog.Default, other, new WalkForwardEvaluatorFactory(Market.Settings)));
        var backend = new ClusterEvaluationBackend(_work, workers: 1, _settings with { MaxAttempts = 1 });

        var result = Assert.Single(await backend.EvaluateAsync(Market.Evaluator, [Breakout.Genome()]).WaitAsync(Patience));

        Assert.True(result.IsWorst);
        Assert.Contains($"Node n9 has data fingerprint {DataFingerprint.Compute(PlantedMarket.Create(seed: 2).Panel, Market.Window)}", result.Reason, StringComparison.Ordinal);
        Assert.Contains($"pinned {Market.Window.DataFingerprint}", result.Reason, StringComparison.Ordinal);
        Assert.Contains("Fix: give every research node the same data", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_batch_ends_it_with_a_cancellation_and_leaves_its_work_queued()
    {
        using var cancel = new CancellationTokenSource();
        var evaluation = Backend().EvaluateAsync(Market.Evaluator, Genomes(), cancel.Token);
        await AwaitAssertAsync(async () => Assert.Equal(6, (await _work.CountsAsync(_settings.Queue, default)).Ready), Patience);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => evaluation.WaitAsync(Patience));
        Assert.Equal(6, (await _work.CountsAsync(_settings.Queue, default)).Ready);
    }

    [Fact]
    public async Task A_finished_generation_is_removed_from_the_queue()
    {
        StartNode("n1", Handler("n1"));

        await Backend().EvaluateAsync(Market.Evaluator, Genomes()).WaitAsync(Patience);

        Assert.Equal(0, (await _work.CountsAsync(_settings.Queue, default)).Total);
    }

    [Fact]
    public async Task With_keep_finished_a_generations_evaluations_stay_in_the_queue_as_done()
    {
        StartNode("n1", Handler("n1"));

        await new ClusterEvaluationBackend(_work, workers: 1, _settings with { KeepFinished = true }).EvaluateAsync(Market.Evaluator, Genomes()).WaitAsync(Patience);

        var counts = await _work.CountsAsync(_settings.Queue, default);
        Assert.Equal(Genomes().Count, counts.Done);
        Assert.Equal(counts.Done, counts.Total);
    }

    [Fact]
    public void The_backend_names_its_queue_and_the_workers_it_expects()
    {
        var backend = new ClusterEvaluationBackend(_work, workers: 8);

        Assert.Equal("cluster research-evaluations", backend.Name);
        Assert.Equal(8, backend.Workers);
    }

    private ClusterEvaluationBackend Backend() => new(_work, workers: 2, _settings);

    private static EvaluationWorkHandler Handler(string node) =>
        new(node, StrategyCatalog.Default, new PlantedDataSource(seed: 1), new WalkForwardEvaluatorFactory(Market.Settings));

    private IActorRef StartNode(string node, IWorkHandler handler, TimeSpan? visibility = null) =>
        Sys.ActorOf(WorkQueueWorker.Props(_work,
            new WorkerSettings(_settings.Queue, node, Parallelism: 2, visibility ?? TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50), TimeSpan.Zero), handler));

    /// <summary>A node that hangs on its first item until it is stopped, then works normally.</summary>
    private sealed class StuckOnFirstItem(IWorkHandler inner) : IWorkHandler
    {
        private int _calls;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<string> HandleAsync(ClaimedWork work, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) > 1) return await inner.HandleAsync(work, cancellationToken);
            Started.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable: the delay ends only by cancellation");
        }
    }
}
