using System.Runtime.CompilerServices;

namespace ActorTrader.Streams.Tests.Cancellation;

public sealed class CancellationTests : StreamTestKit
{
    [Fact]
    public async Task Take_cancels_upstream_and_disposes_the_source_enumerable()
    {
        var disposed = NewSignal();

        var result = await Within(Source.From(Naturals(disposed)).Select(x => x * 2).Take(3).RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal([0, 2, 4], result);
        Assert.True(disposed.Task.IsCompleted, "the source was disposed before the sink completed");
    }

    [Fact]
    public async Task Cancellation_reaches_a_waiting_async_source_across_an_async_boundary()
    {
        var waiting = NewSignal();
        var finished = NewSignal();

        var first = await Within(Source.FromAsyncEnumerable(OneThenWait(waiting, finished)).Async().RunWith(Sink.First<int>(), Materializer));

        Assert.Equal(1, first);
        await Within(finished.Task);
    }

    [Fact]
    public async Task Kill_switch_shutdown_completes_downstream_and_cancels_upstream()
    {
        var waiting = NewSignal();
        var finished = NewSignal();
        var (killSwitch, result) = Source.FromAsyncEnumerable(OneThenWait(waiting, finished))
            .ViaMaterialized(KillSwitches.Single<int>(), Keep.Right)
            .ToMaterialized(Sink.Seq<int>(), Keep.Both)
            .Run(Materializer);
        await Within(waiting.Task);

        killSwitch.Shutdown();

        Assert.Equal([1], await Within(result));
        await Within(finished.Task);
    }

    [Fact]
    public async Task Kill_switch_abort_fails_downstream_with_the_cause()
    {
        var waiting = NewSignal();
        var finished = NewSignal();
        var (killSwitch, result) = Source.FromAsyncEnumerable(OneThenWait(waiting, finished))
            .ViaMaterialized(KillSwitches.Single<int>(), Keep.Right)
            .ToMaterialized(Sink.Seq<int>(), Keep.Both)
            .Run(Materializer);
        await Within(waiting.Task);

        killSwitch.Abort(new TimeoutException("operator halt"));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => Within(result));
        Assert.Equal("operator halt", error.Message);
        await Within(finished.Task);
    }

    [Fact]
    public async Task Shared_kill_switch_stops_every_stream_it_is_part_of()
    {
        var shared = KillSwitches.Shared("ingestion");
        var (queueA, a) = Source.Queue<int>(4, OverflowStrategy.Backpressure).Via(shared.Flow<int>()).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);
        var (queueB, b) = Source.Queue<int>(4, OverflowStrategy.Backpressure).Via(shared.Flow<int>()).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);
        await queueA.OfferAsync(1);
        await queueB.OfferAsync(2);

        shared.Shutdown();

        await Within(Task.WhenAll(a, b));
        await Within(queueA.WatchCompletionAsync());
        await Within(queueB.WatchCompletionAsync());
        Assert.IsType<QueueOfferResult.QueueClosed>(await queueA.OfferAsync(3));
    }

    [Fact]
    public async Task A_kill_switch_triggered_before_any_element_still_closes_the_queue_behind_other_stages()
    {
        var shared = KillSwitches.Shared("halted");
        shared.Shutdown();

        var (queue, termination) = Source.Queue<int>(4, OverflowStrategy.Backpressure)
            .WatchTermination(Keep.Both)
            .Select(x => x + 1)
            .Where(x => x > 0)
            .Via(shared.Flow<int>())
            .To(Sink.Ignore<int>())
            .Run(Materializer);

        await Within(termination);
        await Within(queue.WatchCompletionAsync());
        Assert.IsType<QueueOfferResult.QueueClosed>(await queue.OfferAsync(1));
    }

    [Fact]
    public async Task Materializer_shutdown_fails_running_streams_abruptly()
    {
        var materializer = ActorMaterializer.Create(Sys);
        var (queue, result) = Source.Queue<int>(4, OverflowStrategy.Backpressure).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(materializer);
        await queue.OfferAsync(1);

        materializer.Shutdown();

        await Assert.ThrowsAsync<AbruptTerminationException>(() => Within(result));
    }

    [Fact]
    public async Task WatchTermination_completes_on_completion_and_on_downstream_cancellation()
    {
        var disposed = NewSignal();

        var completed = Source.From([1, 2]).WatchTermination(Keep.Right).To(Sink.Ignore<int>()).Run(Materializer);
        var cancelled = Source.From(Naturals(disposed)).WatchTermination(Keep.Right).Take(2).To(Sink.Ignore<int>()).Run(Materializer);

        await Within(completed);
        await Within(cancelled);
        Assert.True(disposed.Task.IsCompleted, "upstream was disposed before the termination was reported");
    }

    [Fact]
    public async Task WatchTermination_fails_with_the_upstream_error()
    {
        var watched = Source.Failed<int>(new FormatException("bad bar")).WatchTermination(Keep.Right).To(Sink.Ignore<int>()).Run(Materializer);

        await Assert.ThrowsAsync<FormatException>(() => Within(watched));
    }

    private static async IAsyncEnumerable<int> OneThenWait(TaskCompletionSource waiting, TaskCompletionSource finished,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            yield return 1;
            waiting.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield return 2;
        }
        finally
        {
            finished.TrySetResult();
        }
    }
}
