using ActorTrader.Actors;

namespace ActorTrader.Streams.Tests.Basics;

public sealed class CompositionTests : StreamTestKit
{
    [Fact]
    public async Task Select_and_Where_transform_elements_in_order()
    {
        var result = await Within(Source.From(Enumerable.Range(1, 10)).Where(x => x % 2 == 0).Select(x => x * 10).RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal([20, 40, 60, 80, 100], result);
    }

    [Fact]
    public async Task A_flow_defined_once_runs_between_any_source_and_sink()
    {
        var flow = Flow.Create<int>().Select(x => x + 1).WhereNot(x => x == 3);

        var first = await Within(Source.From([1, 2, 3]).Via(flow).RunWith(Sink.Seq<int>(), Materializer));
        var second = await Within(flow.ToMaterialized(Sink.Seq<int>(), Keep.Right).RunWith(Source.From([10]), Materializer));

        Assert.Equal([2, 4], first);
        Assert.Equal([11], second);
    }

    [Fact]
    public async Task A_blueprint_runs_as_an_independent_copy_each_time()
    {
        var source = Source.From(Enumerable.Range(1, 3)).Scan(0, (acc, x) => acc + x);

        var one = await Within(source.RunWith(Sink.Seq<int>(), Materializer));
        var two = await Within(source.RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal([0, 1, 3, 6], one);
        Assert.Equal(one, two);
    }

    [Fact]
    public async Task Keep_Both_hands_back_the_source_and_sink_values()
    {
        var (queue, result) = Source.Queue<int>(4, OverflowStrategy.Backpressure).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);

        await queue.OfferAsync(1);
        await queue.OfferAsync(2);
        queue.Complete();

        Assert.Equal([1, 2], await Within(result));
    }

    [Fact]
    public async Task Fold_completes_with_the_total()
    {
        var total = await Within(Source.From(Enumerable.Range(1, 100)).RunWith(Sink.Fold<int, long>(0, (acc, x) => acc + x), Materializer));

        Assert.Equal(5050, total);
    }

    [Fact]
    public async Task RunAggregate_and_Aggregate_stage_fold_the_same_way()
    {
        var viaRun = await Within(Source.From([1, 2, 3]).RunAggregate(10, (acc, x) => acc + x, Materializer));
        var viaStage = await Within(Source.From([1, 2, 3]).Aggregate(10, (acc, x) => acc + x).RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal(16, viaRun);
        Assert.Equal([16], viaStage);
    }

    [Fact]
    public async Task First_takes_one_element_and_disposes_the_source()
    {
        var disposed = NewSignal();

        var first = await Within(Source.From(Naturals(disposed)).RunWith(Sink.First<int>(), Materializer));

        Assert.Equal(0, first);
        await Within(disposed.Task);
    }

    [Fact]
    public async Task First_of_an_empty_stream_fails_and_FirstOrDefault_gives_the_default()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Within(Source.Empty<int>().RunWith(Sink.First<int>(), Materializer)));
        Assert.Equal(0, await Within(Source.Empty<int>().RunWith(Sink.FirstOrDefault<int>(), Materializer)));
    }

    [Fact]
    public async Task Last_gives_the_final_element_and_LastOrDefault_the_default_when_empty()
    {
        Assert.Equal(3, await Within(Source.From([1, 2, 3]).RunWith(Sink.Last<int>(), Materializer)));
        Assert.Null(await Within(Source.Empty<string>().RunWith(Sink.LastOrDefault<string>(), Materializer)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Within(Source.Empty<int>().RunWith(Sink.Last<int>(), Materializer)));
    }

    [Fact]
    public async Task Grouped_emits_full_groups_then_the_remainder()
    {
        var groups = await Within(Source.From(Enumerable.Range(1, 7)).Grouped(3).RunWith(Sink.Seq<IReadOnlyList<int>>(), Materializer));

        Assert.Equal(3, groups.Count);
        Assert.Equal([1, 2, 3], groups[0]);
        Assert.Equal([4, 5, 6], groups[1]);
        Assert.Equal([7], groups[2]);
    }

    [Fact]
    public async Task SelectMany_flattens_batches()
    {
        var result = await Within(Source.From([new[] { 1, 2 }, [], [3]]).SelectMany(batch => batch).RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal([1, 2, 3], result);
    }

    [Fact]
    public async Task Take_Skip_TakeWhile_and_SkipWhile_select_ranges()
    {
        var numbers = Source.From(Enumerable.Range(1, 10));

        Assert.Equal([3, 4, 5], await Within(numbers.Skip(2).Take(3).RunWith(Sink.Seq<int>(), Materializer)));
        Assert.Equal([1, 2], await Within(numbers.TakeWhile(x => x < 3).RunWith(Sink.Seq<int>(), Materializer)));
        Assert.Equal([1, 2, 3], await Within(numbers.TakeWhile(x => x < 3, inclusive: true).RunWith(Sink.Seq<int>(), Materializer)));
        Assert.Equal([9, 10], await Within(numbers.SkipWhile(x => x < 9).RunWith(Sink.Seq<int>(), Materializer)));
    }

    [Fact]
    public async Task Concat_emits_the_second_source_after_the_first()
    {
        var result = await Within(Source.From([1, 2]).Concat(Source.Single(3)).RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal([1, 2, 3], result);
    }

    [Fact]
    public async Task Sources_from_a_task_an_unfold_and_an_async_enumerable_emit_their_elements()
    {
        var fromTask = await Within(Source.FromTask(Task.FromResult(7)).RunWith(Sink.Seq<int>(), Materializer));
        var unfolded = await Within(Source.Unfold(1, s => s > 3 ? Option<(int, int)>.None : Option<(int, int)>.Create((s + 1, s * s))).RunWith(Sink.Seq<int>(), Materializer));
        var paged = await Within(Source.UnfoldAsync(0, page => Task.FromResult(page < 2 ? Option<(int, string)>.Create((page + 1, $"page{page}")) : Option<(int, string)>.None))
            .RunWith(Sink.Seq<string>(), Materializer));
        var asyncItems = await Within(Source.FromAsyncEnumerable(Count(3)).RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal([7], fromTask);
        Assert.Equal([1, 4, 9], unfolded);
        Assert.Equal(["page0", "page1"], paged);
        Assert.Equal([0, 1, 2], asyncItems);
    }

    [Fact]
    public async Task RunForeach_calls_the_action_for_every_element()
    {
        var seen = new List<int>();

        var done = await Within(Source.From([1, 2, 3]).RunForeach(seen.Add, Materializer));

        Assert.Same(Done.Instance, done);
        Assert.Equal([1, 2, 3], seen);
    }

    [Fact]
    public async Task ForEachAsync_runs_the_action_for_every_element()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<int>();

        await Within(Source.From(Enumerable.Range(1, 20)).RunWith(Sink.ForEachAsync<int>(4, async x =>
        {
            await Task.Yield();
            seen.Add(x);
        }), Materializer));

        Assert.Equal(Enumerable.Range(1, 20), seen.Order());
    }

    [Fact]
    public async Task A_failed_source_fails_the_materialized_task()
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => Within(Source.Failed<int>(new FormatException("bad")).RunWith(Sink.Ignore<int>(), Materializer)));

        Assert.Equal("bad", error.Message);
    }

    [Fact]
    public void Running_on_a_shut_down_materializer_is_refused_with_a_fix()
    {
        var materializer = ActorMaterializer.Create(Sys);
        materializer.Shutdown();

        var error = Assert.Throws<InvalidOperationException>(() => { _ = Source.Single(1).RunWith(Sink.Ignore<int>(), materializer); });

        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<int> Count(int n)
    {
        for (var i = 0; i < n; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }
}
