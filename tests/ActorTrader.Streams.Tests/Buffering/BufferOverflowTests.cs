namespace ActorTrader.Streams.Tests.Buffering;

/// <summary>
/// Element 1 is held downstream (behind a gate) before elements 2..9 reach a Buffer(3); once the source has finished
/// (or been abandoned) the gate opens. Expected contents worked out by hand from each strategy's definition.
/// </summary>
public sealed class BufferOverflowTests : StreamTestKit
{
    [Theory]
    [InlineData(OverflowStrategy.DropHead, new[] { 1, 7, 8, 9 })]
    [InlineData(OverflowStrategy.DropTail, new[] { 1, 2, 3, 9 })]
    [InlineData(OverflowStrategy.DropBuffer, new[] { 1, 8, 9 })]
    [InlineData(OverflowStrategy.DropNew, new[] { 1, 2, 3, 4 })]
    public async Task A_full_buffer_drops_what_its_strategy_says(OverflowStrategy strategy, int[] expected)
    {
        var (run, sourceFinished, gate) = RunGated(strategy);

        await Within(sourceFinished.Task);
        gate.SetResult();

        Assert.Equal(expected, await Within(run));
    }

    [Fact]
    public async Task A_backpressure_buffer_loses_nothing()
    {
        var (run, sourceFinished, gate) = RunGated(OverflowStrategy.Backpressure);

        Assert.False(sourceFinished.Task.IsCompleted);
        gate.SetResult();

        Assert.Equal(Enumerable.Range(1, 9), await Within(run));
        await Within(sourceFinished.Task);
    }

    [Fact]
    public async Task A_fail_buffer_fails_the_stream_on_overflow()
    {
        var (run, sourceFinished, gate) = RunGated(OverflowStrategy.Fail);

        await Within(sourceFinished.Task);
        gate.SetResult();

        var error = await Assert.ThrowsAsync<BufferOverflowException>(() => Within(run));
        Assert.Equal(3, error.Capacity);
    }

    private (Task<System.Collections.Immutable.IImmutableList<int>> Run, TaskCompletionSource SourceFinished, TaskCompletionSource Gate) RunGated(OverflowStrategy strategy)
    {
        var firstTaken = NewSignal();
        var sourceFinished = NewSignal();
        var gate = NewSignal();
        var run = Source.FromAsyncEnumerable(Produce(firstTaken, sourceFinished))
            .Buffer(3, strategy)
            .SelectAsync(1, async x =>
            {
                if (x == 1)
                {
                    firstTaken.SetResult();
                    await gate.Task;
                }
                return x;
            })
            .RunWith(Sink.Seq<int>(), Materializer);
        return (run, sourceFinished, gate);
    }

    private static async IAsyncEnumerable<int> Produce(TaskCompletionSource firstTaken, TaskCompletionSource finished)
    {
        try
        {
            yield return 1;
            await firstTaken.Task;
            for (var i = 2; i <= 9; i++) yield return i;
        }
        finally
        {
            finished.TrySetResult();
        }
    }
}
