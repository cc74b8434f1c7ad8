using System.Collections.Concurrent;

namespace ActorTrader.Streams.Tests.Concurrency;

public sealed class SelectAsyncTests : StreamTestKit
{
    [Fact]
    public async Task SelectAsync_emits_in_upstream_order_when_tasks_complete_out_of_order()
    {
        var tasks = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = 0;
        var allStarted = NewSignal();
        var probe = CreateTestProbe();

        var done = Source.From([0, 1, 2])
            .SelectAsync(3, i =>
            {
                if (Interlocked.Increment(ref started) == 3) allStarted.SetResult();
                return tasks[i].Task;
            })
            .RunWith(Sink.ForEach<string>(s => probe.Ref.Tell(s, null)), Materializer);
        await Within(allStarted.Task);

        tasks[2].SetResult("c");
        tasks[1].SetResult("b");
        tasks[0].SetResult("a");

        Assert.Equal("a", await probe.ExpectMsgAsync<string>());
        Assert.Equal("b", await probe.ExpectMsgAsync<string>());
        Assert.Equal("c", await probe.ExpectMsgAsync<string>());
        await Within(done);
    }

    [Fact]
    public async Task SelectAsyncUnordered_emits_results_as_their_tasks_complete()
    {
        var tasks = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = 0;
        var allStarted = NewSignal();
        var probe = CreateTestProbe();

        var done = Source.From([0, 1, 2])
            .SelectAsyncUnordered(3, i =>
            {
                if (Interlocked.Increment(ref started) == 3) allStarted.SetResult();
                return tasks[i].Task;
            })
            .RunWith(Sink.ForEach<int>(x => probe.Ref.Tell(x, null)), Materializer);
        await Within(allStarted.Task);

        tasks[2].SetResult(2);
        await probe.ExpectMsgAsync(2);
        tasks[0].SetResult(0);
        await probe.ExpectMsgAsync(0);
        tasks[1].SetResult(1);
        await probe.ExpectMsgAsync(1);
        await Within(done);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SelectAsync_never_has_more_tasks_in_flight_than_its_parallelism(bool ordered)
    {
        const int parallelism = 4;
        const int count = 20;
        var pending = new ConcurrentQueue<TaskCompletionSource<int>>();
        var inFlight = 0;
        var maxInFlight = 0;
        Func<int, Task<int>> work = x =>
        {
            var current = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, current);
            var tcs = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            pending.Enqueue(tcs);
            return tcs.Task;
        };
        var source = Source.From(Enumerable.Range(0, count));
        var run = (ordered ? source.SelectAsync(parallelism, work) : source.SelectAsyncUnordered(parallelism, work))
            .Select(x =>
            {
                // The slot frees when the result is emitted.
                Interlocked.Decrement(ref inFlight);
                return x;
            })
            .RunWith(Sink.Seq<int>(), Materializer);

        for (var released = 0; released < count; released++)
        {
            var expected = Math.Min(parallelism, count - released);
            await AwaitConditionAsync(() => pending.Count == expected, message: $"{expected} tasks waiting after {released} released");
            Assert.True(pending.TryDequeue(out var oldest));
            oldest.SetResult(released);
        }

        Assert.Equal(count, (await Within(run)).Count);
        // The slot frees as a result is handed downstream, one hop before the downstream Select decrements: so the
        // count may briefly read parallelism + 1 (the element in hand), never more.
        Assert.InRange(maxInFlight, parallelism, parallelism + 1);
    }

    [Fact]
    public async Task An_async_boundary_keeps_order_and_loses_nothing()
    {
        var result = await Within(Source.From(Enumerable.Range(0, 10_000)).Async().Select(x => x * 2).Async().RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal(Enumerable.Range(0, 10_000).Select(x => x * 2), result);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
