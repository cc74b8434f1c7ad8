using System.Collections.Concurrent;
using ActorTrader.Streams.Supervision;

namespace ActorTrader.Streams.Tests.Concurrency;

/// <summary>
/// Seeded randomized runs of the concurrent stages (random sizes, parallelism, buffer sizes, yield-driven completion
/// order, cancellation points), each asserting the exact output. A failure names its seed so it can be replayed.
/// </summary>
public sealed class StressTests : StreamTestKit
{
    private const int Seeds = 25;

    [Fact]
    public async Task SelectAsync_keeps_upstream_order_and_resumes_past_exactly_the_failing_elements()
    {
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var random = new Random(seed);
            var jitter = new Jitter(seed, 6);
            var count = random.Next(0, 400);
            var parallelism = random.Next(1, 9);
            var failing = Enumerable.Range(0, count).Where(_ => random.Next(10) == 0).ToHashSet();
            var inFlight = 0;
            var maxInFlight = 0;

            var result = await Within(Source.From(Enumerable.Range(0, count))
                .Async()
                .SelectAsync(parallelism, async x =>
                {
                    Max(ref maxInFlight, Interlocked.Increment(ref inFlight));
                    var value = await jitter.Delay(x, x * 3);
                    if (failing.Contains(x))
                    {
                        Interlocked.Decrement(ref inFlight);
                        throw new FormatException($"element {x}");
                    }
                    return value;
                })
                .WithAttributes(ActorAttributes.CreateSupervisionStrategy(Deciders.ResumingDecider))
                .Select(x =>
                {
                    Interlocked.Decrement(ref inFlight);
                    return x;
                })
                .RunWith(Sink.Seq<int>(), Materializer));

            AssertSequence(seed, Enumerable.Range(0, count).Where(x => !failing.Contains(x)).Select(x => x * 3), result);
            // The slot frees as a result is handed downstream, one hop before the downstream Select counts it: hence + 1.
            Assert.True(maxInFlight <= parallelism + 1, $"seed {seed}: {maxInFlight} tasks in flight with parallelism {parallelism}");
        }
    }

    [Fact]
    public async Task SelectAsyncUnordered_emits_every_result_exactly_once()
    {
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var random = new Random(seed);
            var jitter = new Jitter(seed, 6);
            var count = random.Next(0, 400);
            var parallelism = random.Next(1, 9);

            var result = await Within(Source.From(Enumerable.Range(0, count))
                .SelectAsyncUnordered(parallelism, x => jitter.Delay(x, x))
                .RunWith(Sink.Seq<int>(), Materializer));

            AssertSequence(seed, Enumerable.Range(0, count), result.Order());
        }
    }

    [Fact]
    public async Task SelectAsync_failing_mid_flight_fails_the_stream_with_that_element_and_disposes_the_source()
    {
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var random = new Random(seed);
            var jitter = new Jitter(seed, 6);
            var failAt = random.Next(0, 200);
            var disposed = NewSignal();
            var emitted = new ConcurrentQueue<int>();

            var run = Source.From(Naturals(disposed))
                .Async()
                .SelectAsync(random.Next(1, 9), async x =>
                {
                    await jitter.Delay(x, x);
                    return x == failAt ? throw new FormatException($"element {x}") : x;
                })
                .RunForeach(emitted.Enqueue, Materializer);

            var error = await Assert.ThrowsAsync<StreamElementException>(() => Within(run));
            Assert.Equal(failAt, error.Element);
            AssertSequence(seed, Enumerable.Range(0, failAt), emitted);
            await Within(disposed.Task);
        }
    }

    [Fact]
    public async Task Merge_of_jittered_sources_loses_and_duplicates_nothing_and_keeps_each_inputs_order()
    {
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var random = new Random(seed);
            var jitter = new Jitter(seed, 4);
            var sizes = Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(0, 200)).ToArray();
            var sources = sizes.Select((size, input) =>
            {
                var source = Source.FromAsyncEnumerable(() => jitter.Range(input * 1000, size));
                return random.Next(2) == 0 ? source : source.Async();
            });

            var result = await Within(Source.Merge(sources)
                .WithAttributes(Attributes.CreateInputBuffer(1, random.Next(1, 8)))
                .RunWith(Sink.Seq<int>(), Materializer));

            for (var input = 0; input < sizes.Length; input++)
            {
                AssertSequence(seed, Enumerable.Range(input * 1000, sizes[input]), result.Where(x => x / 1000 == input));
            }
            Assert.Equal(sizes.Sum(), result.Count);
        }
    }

    [Fact]
    public async Task Broadcast_delivers_everything_to_every_branch_and_never_runs_ahead_of_the_slowest_by_more_than_its_buffers()
    {
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var random = new Random(seed);
            var count = random.Next(0, 300);
            var buffer = random.Next(1, 8);
            var produced = 0;
            var consumedBySlowest = 0;
            var maxAhead = 0;
            var slow = new Jitter(seed, 8);
            var fast = new Jitter(seed + 1000, 1);

            var results = Source.From(Enumerable.Range(0, count).Select(x =>
                {
                    Interlocked.Increment(ref produced);
                    return x;
                }))
                .RunWith(Sink.Broadcast(
                    Flow.Create<int>().SelectAsync(1, x => slow.Delay(x, x)).Select(x =>
                    {
                        Max(ref maxAhead, Volatile.Read(ref produced) - Interlocked.Increment(ref consumedBySlowest));
                        return x;
                    }).ToMaterialized(Sink.Seq<int>(), Keep.Right),
                    Flow.Create<int>().SelectAsync(2, x => fast.Delay(x, x)).ToMaterialized(Sink.Seq<int>(), Keep.Right))
                    .WithAttributes(Attributes.CreateInputBuffer(1, buffer)), Materializer);

            var branches = await Within(Task.WhenAll(results));
            AssertSequence(seed, Enumerable.Range(0, count), branches[0]);
            AssertSequence(seed, Enumerable.Range(0, count), branches[1]);
            // Ahead of the slowest consumer: its branch buffer, SelectAsync's task and the one it pulls next, and the element being broadcast.
            Assert.True(maxAhead <= buffer + 3, $"seed {seed}: upstream ran {maxAhead} elements ahead with branch buffers of {buffer}");
        }
    }

    [Fact]
    public async Task Partition_routes_every_element_to_exactly_its_branch_in_order()
    {
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var random = new Random(seed);
            var count = random.Next(0, 300);
            var outputs = random.Next(1, 5);
            var route = Enumerable.Range(0, count).Select(_ => random.Next(outputs)).ToArray();
            var jitter = new Jitter(seed, 4);
            var sinks = Enumerable.Range(0, outputs)
                .Select(_ => Flow.Create<int>().SelectAsync(random.Next(1, 4), x => jitter.Delay(x, x)).ToMaterialized(Sink.Seq<int>(), Keep.Right))
                .ToArray();

            var results = Source.From(Enumerable.Range(0, count))
                .Async()
                .RunWith(Sink.Partition(outputs, (int x) => route[x], sinks), Materializer);

            var branches = await Within(Task.WhenAll(results));
            for (var output = 0; output < outputs; output++)
            {
                AssertSequence(seed, Enumerable.Range(0, count).Where(x => route[x] == output), branches[output]);
            }
        }
    }

    [Fact]
    public async Task Backpressured_buffers_and_async_boundaries_pass_everything_in_order()
    {
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var random = new Random(seed);
            var jitter = new Jitter(seed, 4);
            var count = random.Next(0, 500);

            var result = await Within(Source.FromAsyncEnumerable(() => jitter.Range(0, count))
                .Buffer(random.Next(1, 16), OverflowStrategy.Backpressure)
                .Async()
                .SelectAsync(random.Next(1, 5), x => jitter.Delay(x + 1, x))
                .Buffer(random.Next(1, 16), OverflowStrategy.Backpressure)
                .WithAttributes(Attributes.CreateInputBuffer(1, random.Next(1, 8)))
                .RunWith(Sink.Seq<int>(), Materializer));

            AssertSequence(seed, Enumerable.Range(0, count), result);
        }
    }

    [Fact]
    public async Task Take_at_a_random_point_emits_exactly_that_prefix_and_disposes_the_source()
    {
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var random = new Random(seed);
            var jitter = new Jitter(seed, 4);
            var take = random.Next(0, 200);
            var disposed = NewSignal();

            var result = await Within(Source.From(Naturals(disposed))
                .Async()
                .SelectAsync(random.Next(1, 6), x => jitter.Delay(x, x))
                .Merge(Source.Empty<int>())
                .Buffer(random.Next(1, 8), OverflowStrategy.Backpressure)
                .Take(take)
                .RunWith(Sink.Seq<int>(), Materializer));

            AssertSequence(seed, Enumerable.Range(0, take), result);
            await Within(disposed.Task);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_kill_switch_tripped_at_a_random_element_stops_exactly_there_and_disposes_the_source(bool abort)
    {
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var random = new Random(seed);
            var jitter = new Jitter(seed, 4);
            var stopAt = random.Next(0, 200);
            var disposed = NewSignal();
            var seen = new List<int>();
            // The sink can reach stopAt before Run returns the switch, so it waits for the materialized value.
            var killSwitch = new TaskCompletionSource<UniqueKillSwitch>(TaskCreationOptions.RunContinuationsAsynchronously);

            var (materializedSwitch, run) = Source.From(Naturals(disposed))
                .Async()
                .SelectAsync(random.Next(1, 6), x => jitter.Delay(x, x))
                .ViaMaterialized(KillSwitches.Single<int>(), Keep.Right)
                .ToMaterialized(Sink.ForEach<int>(x =>
                {
                    seen.Add(x);
                    // The sink pulls the switch again only after this returns, so nothing after stopAt gets through.
                    if (x != stopAt) return;
                    var materialized = killSwitch.Task.WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
                    if (abort) materialized.Abort(new TimeoutException("halt"));
                    else materialized.Shutdown();
                }), Keep.Both)
                .Run(Materializer);
            killSwitch.SetResult(materializedSwitch);

            if (abort) await Assert.ThrowsAsync<TimeoutException>(() => Within(run));
            else await Within(run);
            AssertSequence(seed, Enumerable.Range(0, stopAt + 1), seen);
            await Within(disposed.Task);
        }
    }

    private static void AssertSequence(int seed, IEnumerable<int> expected, IEnumerable<int> actual)
    {
        var want = expected.ToList();
        var got = actual.ToList();
        Assert.True(want.SequenceEqual(got), $"seed {seed}: expected [{string.Join(",", want)}] but got [{string.Join(",", got)}]");
    }

    private static void Max(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
