using System.Collections.Immutable;

namespace ActorTrader.Streams.Tests.Graph;

public sealed class FanInFanOutTests : StreamTestKit
{
    [Fact]
    public async Task Merge_emits_every_element_of_both_sources_keeping_each_ones_order()
    {
        var result = await Within(Source.From(Enumerable.Range(1, 100)).Merge(Source.From(Enumerable.Range(1001, 100))).RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal(Enumerable.Range(1, 100), result.Where(x => x <= 100));
        Assert.Equal(Enumerable.Range(1001, 100), result.Where(x => x > 1000));
    }

    [Fact]
    public async Task Merge_fails_when_one_input_fails()
    {
        var run = Source.From([1, 2]).Merge(Source.Failed<int>(new TimeoutException("second feed"))).RunWith(Sink.Seq<int>(), Materializer);

        await Assert.ThrowsAsync<TimeoutException>(() => Within(run));
    }

    [Fact]
    public async Task Eager_merge_completes_with_the_first_input_and_cancels_the_other()
    {
        var disposed = NewSignal();

        var result = await Within(Source.From([1, 2, 3]).Merge(Source.FromAsyncEnumerable(Never(disposed)), eagerComplete: true).RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal([1, 2, 3], result);
        await Within(disposed.Task);
    }

    [Fact]
    public async Task Source_Merge_combines_many_sources_and_keeps_their_values()
    {
        var sources = Enumerable.Range(0, 3).Select(i => Source.From([i * 10, i * 10 + 1]).MapMaterializedValue(_ => i));

        var (values, result) = Source.Merge(sources).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);

        Assert.Equal([0, 1, 2], values);
        Assert.Equal([0, 1, 10, 11, 20, 21], (await Within(result)).Order());
    }

    [Fact]
    public async Task Broadcast_sends_every_element_to_every_sink()
    {
        var results = Source.From(Enumerable.Range(1, 50)).RunWith(Sink.Broadcast(Sink.Seq<int>(), Sink.Seq<int>()), Materializer);

        Assert.Equal(Enumerable.Range(1, 50), await Within(results[0]));
        Assert.Equal(Enumerable.Range(1, 50), await Within(results[1]));
    }

    [Fact]
    public async Task Broadcast_goes_on_for_the_other_sinks_when_one_cancels()
    {
        var results = Source.From(Enumerable.Range(1, 50))
            .RunWith(Sink.Broadcast(Sink.First<int>().MapMaterializedValue(t => (Task)t), Sink.Seq<int>().MapMaterializedValue(t => (Task)t)), Materializer);

        await Within(Task.WhenAll(results));
        Assert.Equal(1, await (Task<int>)results[0]);
        Assert.Equal(50, (await (Task<IImmutableList<int>>)results[1]).Count);
    }

    [Fact]
    public async Task Partition_sends_each_element_to_the_chosen_sink()
    {
        var results = Source.From(Enumerable.Range(1, 6)).RunWith(Sink.Partition(2, (int x) => x % 2, Sink.Seq<int>(), Sink.Seq<int>()), Materializer);

        Assert.Equal([2, 4, 6], await Within(results[0]));
        Assert.Equal([1, 3, 5], await Within(results[1]));
    }

    [Fact]
    public async Task Partition_to_a_missing_output_fails_with_the_element()
    {
        var results = Source.From([0, 1, 7]).RunWith(Sink.Partition(2, (int x) => x, Sink.Seq<int>(), Sink.Seq<int>()), Materializer);

        var error = await Assert.ThrowsAsync<StreamElementException>(() => Within(results[0]));
        Assert.Equal(7, error.Element);
    }

    [Fact]
    public async Task AlsoTo_feeds_a_side_sink_with_every_element()
    {
        var (side, main) = Source.From([1, 2, 3]).AlsoToMaterialized(Sink.Seq<int>(), Keep.Right).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);

        Assert.Equal([1, 2, 3], await Within(main));
        Assert.Equal([1, 2, 3], await Within(side));
    }

    private static async IAsyncEnumerable<int> Never(TaskCompletionSource disposed, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield return -1;
        }
        finally
        {
            disposed.TrySetResult();
        }
    }
}
