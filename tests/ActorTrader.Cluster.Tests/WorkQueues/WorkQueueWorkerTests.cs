using ActorTrader.Actors;
using ActorTrader.Cluster.Tests.Support;
using ActorTrader.Cluster.WorkQueues;

namespace ActorTrader.Cluster.Tests.WorkQueues;

public sealed class WorkQueueWorkerTests : TestKit.TestKit, IClassFixture<ClusterDatabaseFixture>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ClusterDatabaseFixture _fixture;
    private readonly string _queue = $"q-{Guid.NewGuid():N}";
    private readonly ClusterDatabase _database;
    private readonly WorkQueue _work;

    public WorkQueueWorkerTests(ClusterDatabaseFixture fixture)
    {
        _fixture = fixture;
        _database = fixture.NewDatabase();
        _work = new WorkQueue(_database);
    }

    // xunit disposes after the actor system has terminated (IAsyncLifetime first), so no worker still uses the pool.
    public void Dispose() => _database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Fact]
    public async Task The_worker_processes_every_item_and_writes_its_result()
    {
        var keys = Enumerable.Range(0, 12).Select(i => $"k{i}").ToList();
        await _work.EnqueueAsync(_queue, [.. keys.Select(k => new WorkRequest(k, "p-" + k))], default);

        Sys.ActorOf(WorkQueueWorker.Props(_work, Settings("w1", parallelism: 3), new EchoHandler()));

        var outcomes = await AwaitFinishedAsync(keys);
        Assert.All(keys, k => Assert.Equal(new WorkOutcome(k, WorkStatus.Done, "done:p-" + k, null, 1, "w1"), outcomes[k]));
    }

    [Fact]
    public async Task A_throwing_handler_fails_its_item_until_it_is_dead_and_the_worker_goes_on()
    {
        await _work.EnqueueAsync(_queue, [new("bad", "p", MaxAttempts: 2), new("good", "p")], default);

        var worker = Sys.ActorOf(WorkQueueWorker.Props(_work, Settings("w1"), new EchoHandler(throwOn: "bad")));

        var outcomes = await AwaitFinishedAsync(["bad", "good"]);
        Assert.Equal(WorkStatus.Dead, outcomes["bad"].Status);
        Assert.Equal(2, outcomes["bad"].Attempts);
        Assert.StartsWith("InvalidOperationException: bad cannot be handled", outcomes["bad"].Error, StringComparison.Ordinal);
        Assert.Equal(WorkStatus.Done, outcomes["good"].Status);
        await AwaitAssertAsync(async () =>
        {
            var state = await worker.Ask<WorkerState>(GetWorkerState.Instance, Patience);
            Assert.Equal(new WorkerState(0, 1, 2), state);
        }, Patience);
    }

    [Fact]
    public async Task An_item_of_a_stopped_worker_is_done_later_by_another_worker()
    {
        await _work.EnqueueAsync(_queue, [new("a", "p")], default);
        var stuck = new BlockingHandler();
        var first = Sys.ActorOf(WorkQueueWorker.Props(_work, Settings("w1", visibility: TimeSpan.FromSeconds(1)), stuck));
        await stuck.Started.Task.WaitAsync(Patience);

        Watch(first);
        Sys.Stop(first);
        await ExpectTerminatedAsync(first);
        await stuck.Cancelled.Task.WaitAsync(Patience);
        Sys.ActorOf(WorkQueueWorker.Props(_work, Settings("w2", visibility: TimeSpan.FromSeconds(1)), new EchoHandler()));

        var outcome = (await AwaitFinishedAsync(["a"]))["a"];
        Assert.Equal(new WorkOutcome("a", WorkStatus.Done, "done:p", null, 2, "w2"), outcome);
    }

    [Fact]
    public async Task A_running_item_outlives_its_visibility_timeout_while_its_worker_extends_the_claim()
    {
        await _work.EnqueueAsync(_queue, [new("a", "p")], default);
        var slow = new BlockingHandler();
        var visibility = TimeSpan.FromMilliseconds(1500);
        Sys.ActorOf(WorkQueueWorker.Props(_work, Settings("w1", visibility: visibility), slow));
        await slow.Started.Task.WaitAsync(Patience);
        Sys.ActorOf(WorkQueueWorker.Props(_work, Settings("w2", visibility: visibility), new EchoHandler()));

        // Two visibility timeouts after the claim, a claim that was not extended would have been taken by w2 (or w1's free slot).
        await AwaitAssertAsync(async () => Assert.Equal(true, await _fixture.ScalarAsync(
            $"SELECT clock_timestamp() - enqueued_at > interval '3 seconds' FROM cluster_work WHERE queue = '{_queue}'")), Patience, TimeSpan.FromMilliseconds(100));
        slow.Release("slow result");

        var outcome = (await AwaitFinishedAsync(["a"]))["a"];
        Assert.Equal(new WorkOutcome("a", WorkStatus.Done, "slow result", null, 1, "w1"), outcome);
    }

    [Fact]
    public async Task A_poke_claims_new_work_before_the_next_poll()
    {
        var worker = Sys.ActorOf(WorkQueueWorker.Props(_work, Settings("w1", poll: TimeSpan.FromHours(1)), new EchoHandler()));
        // The first poll runs at start, on an empty queue; wait until it has answered.
        await AwaitAssertAsync(async () => Assert.Equal(new WorkerState(0, 0, 0), await worker.Ask<WorkerState>(GetWorkerState.Instance, Patience)), Patience);
        await _work.EnqueueAsync(_queue, [new("a", "p")], default);

        worker.Tell(Poke.Instance);

        Assert.Equal(WorkStatus.Done, (await AwaitFinishedAsync(["a"]))["a"].Status);
    }

    private WorkerSettings Settings(string name, int parallelism = 2, TimeSpan? visibility = null, TimeSpan? poll = null) =>
        new(_queue, name, parallelism, visibility ?? TimeSpan.FromSeconds(30), poll ?? TimeSpan.FromMilliseconds(50), TimeSpan.Zero);

    private async Task<IReadOnlyDictionary<string, WorkOutcome>> AwaitFinishedAsync(IReadOnlyList<string> keys)
    {
        IReadOnlyDictionary<string, WorkOutcome> outcomes = new Dictionary<string, WorkOutcome>();
        await AwaitAssertAsync(async () =>
        {
            outcomes = await _work.ReadOutcomesAsync(_queue, keys, default);
            Assert.All(keys, k => Assert.True(outcomes.TryGetValue(k, out var o) && o.IsFinished, $"{k} is not finished"));
        }, Patience, TimeSpan.FromMilliseconds(50));
        return outcomes;
    }

    private sealed class EchoHandler(string? throwOn = null) : IWorkHandler
    {
        public Task<string> HandleAsync(ClaimedWork work, CancellationToken cancellationToken) =>
            work.Key == throwOn
                ? throw new InvalidOperationException($"{work.Key} cannot be handled")
                : Task.FromResult("done:" + work.Payload);
    }

    private sealed class BlockingHandler : IWorkHandler
    {
        private readonly TaskCompletionSource<string> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release(string result) => _release.TrySetResult(result);

        public async Task<string> HandleAsync(ClaimedWork work, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            try
            {
                return await _release.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled.TrySetResult();
                throw;
            }
        }
    }
}
