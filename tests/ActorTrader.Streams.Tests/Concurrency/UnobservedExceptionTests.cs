namespace ActorTrader.Streams.Tests.Concurrency;

/// <summary>A failing stream must not leave faulted tasks nobody looks at (they surface as UnobservedTaskException).</summary>
public sealed class UnobservedExceptionTests : StreamTestKit
{
    [Fact]
    public async Task A_buffer_stage_failing_with_its_upstream_leaves_no_unobserved_exception()
    {
        var marker = Guid.NewGuid().ToString("N");

        var unobserved = await UnobservedExceptions.CollectAsync(marker, async () =>
        {
            var run = Source.Failed<int>(new FormatException(marker)).Buffer(4, OverflowStrategy.Backpressure).RunWith(Sink.Ignore<int>(), Materializer);
            await Assert.ThrowsAsync<FormatException>(() => Within(run));
        });

        Assert.Empty(unobserved);
    }

    [Fact]
    public async Task A_failed_queue_whose_completion_nobody_watches_leaves_no_unobserved_exception()
    {
        var marker = Guid.NewGuid().ToString("N");

        var unobserved = await UnobservedExceptions.CollectAsync(marker, async () =>
        {
            var (queue, run) = Source.Queue<int>(4, OverflowStrategy.Backpressure).ToMaterialized(Sink.Ignore<int>(), Keep.Both).Run(Materializer);
            queue.Fail(new FormatException(marker));
            await Assert.ThrowsAsync<FormatException>(() => Within(run));
        });

        Assert.Empty(unobserved);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SelectAsync_failing_leaves_no_unobserved_exception_from_its_other_tasks(bool ordered)
    {
        var marker = Guid.NewGuid().ToString("N");

        var unobserved = await UnobservedExceptions.CollectAsync(marker, async () =>
        {
            var started = 0;
            var allStarted = NewSignal();
            Func<int, Task<int>> work = async x =>
            {
                if (Interlocked.Increment(ref started) == 3) allStarted.TrySetResult();
                await allStarted.Task;
                throw new FormatException($"{marker} element {x}");
            };
            var source = Source.From([1, 2, 3]);
            var run = (ordered ? source.SelectAsync(3, work) : source.SelectAsyncUnordered(3, work)).RunWith(Sink.Ignore<int>(), Materializer);
            await Assert.ThrowsAsync<StreamElementException>(() => Within(run));
            // Every task has failed by now (they all waited for the same signal), whichever the stream reported.
            await AwaitConditionAsync(() => started == 3);
        });

        Assert.Empty(unobserved);
    }
}
