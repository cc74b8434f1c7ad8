using ActorTrader.Streams.Supervision;

namespace ActorTrader.Streams.Tests.Supervision;

public sealed class SupervisionTests : StreamTestKit
{
    private static int FailOnThree(int x) => x == 3 ? throw new InvalidOperationException("three is bad") : x;

    [Fact]
    public async Task A_throwing_selector_fails_the_stream_with_the_element_that_caused_it()
    {
        var run = Source.From(Enumerable.Range(1, 5)).Select(FailOnThree).RunWith(Sink.Seq<int>(), Materializer);

        var error = await Assert.ThrowsAsync<StreamElementException>(() => Within(run));

        Assert.Equal(3, error.Element);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("element 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stage_name_appears_in_the_failure()
    {
        var run = Source.From([3]).Select(FailOnThree).Named("parse-bars").RunWith(Sink.Ignore<int>(), Materializer);

        var error = await Assert.ThrowsAsync<StreamElementException>(() => Within(run));

        Assert.Equal("Select (parse-bars)", error.Stage);
    }

    [Fact]
    public async Task Resuming_decider_drops_the_failing_element_and_continues()
    {
        var result = await Within(Source.From(Enumerable.Range(1, 5)).Select(FailOnThree)
            .WithAttributes(ActorAttributes.CreateSupervisionStrategy(Deciders.ResumingDecider))
            .RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal([1, 2, 4, 5], result);
    }

    [Fact]
    public async Task Resuming_keeps_a_scan_total_and_restarting_resets_it()
    {
        var scan = Source.From(Enumerable.Range(1, 5)).Select(x => x).Scan(0, (acc, x) => x == 3 ? throw new InvalidOperationException("3") : acc + x);

        var resumed = await Within(scan.WithAttributes(ActorAttributes.CreateSupervisionStrategy(Deciders.ResumingDecider)).RunWith(Sink.Seq<int>(), Materializer));
        var restarted = await Within(scan.WithAttributes(ActorAttributes.CreateSupervisionStrategy(Deciders.RestartingDecider)).RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal([0, 1, 3, 7, 12], resumed);
        Assert.Equal([0, 1, 3, 4, 9], restarted);
    }

    [Fact]
    public async Task A_decider_can_choose_by_exception_type()
    {
        Decider decider = e => e is FormatException ? Directive.Resume : Directive.Stop;
        var source = Source.From(["1", "x", "3"]).Select(int.Parse).WithAttributes(ActorAttributes.CreateSupervisionStrategy(decider));

        Assert.Equal([1, 3], await Within(source.RunWith(Sink.Seq<int>(), Materializer)));
    }

    [Fact]
    public async Task Supervision_attributes_apply_only_to_the_stages_they_wrap()
    {
        var run = Source.From(Enumerable.Range(1, 5)).Select(FailOnThree)
            .WithAttributes(ActorAttributes.CreateSupervisionStrategy(Deciders.ResumingDecider))
            .Select(x => x == 4 ? throw new InvalidOperationException("four") : x)
            .RunWith(Sink.Seq<int>(), Materializer);

        var error = await Assert.ThrowsAsync<StreamElementException>(() => Within(run));

        Assert.Equal(4, error.Element);
    }

    [Fact]
    public async Task The_materializer_decider_is_the_default_for_every_stage()
    {
        var materializer = ActorMaterializer.Create(Sys, new ActorMaterializerSettings().WithSupervisionStrategy(Deciders.ResumingDecider));

        var result = await Within(Source.From(Enumerable.Range(1, 4)).Select(FailOnThree).RunWith(Sink.Seq<int>(), materializer));

        Assert.Equal([1, 2, 4], result);
    }

    [Fact]
    public async Task A_throwing_ForEach_action_resumes_under_the_resuming_decider()
    {
        var seen = new List<int>();
        var sink = Sink.ForEach<int>(x => seen.Add(FailOnThree(x))).WithAttributes(ActorAttributes.CreateSupervisionStrategy(Deciders.ResumingDecider));

        await Within(Source.From(Enumerable.Range(1, 4)).RunWith(sink, Materializer));

        Assert.Equal([1, 2, 4], seen);
    }

    [Fact]
    public async Task A_failed_SelectAsync_task_fails_the_stream_with_its_element()
    {
        var run = Source.From(Enumerable.Range(1, 5)).SelectAsync(2, x => Task.Run(() => FailOnThree(x))).RunWith(Sink.Seq<int>(), Materializer);

        var error = await Assert.ThrowsAsync<StreamElementException>(() => Within(run));

        Assert.Equal(3, error.Element);
    }

    [Fact]
    public async Task A_failed_SelectAsync_task_is_dropped_under_the_resuming_decider()
    {
        var result = await Within(Source.From(Enumerable.Range(1, 5)).SelectAsync(2, x => Task.Run(() => FailOnThree(x)))
            .WithAttributes(ActorAttributes.CreateSupervisionStrategy(Deciders.ResumingDecider))
            .RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal([1, 2, 4, 5], result);
    }

    [Fact]
    public async Task Recover_emits_a_last_element_instead_of_the_failure()
    {
        var result = await Within(Source.From([1, 2]).Concat(Source.Failed<int>(new TimeoutException("feed lost")))
            .Recover(e => e is TimeoutException ? Option<int>.Create(-1) : Option<int>.None)
            .RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal([1, 2, -1], result);
    }

    [Fact]
    public async Task Recover_returning_none_lets_the_failure_through()
    {
        var run = Source.Failed<int>(new FormatException("bad")).Recover(e => e is TimeoutException ? Option<int>.Create(-1) : Option<int>.None)
            .RunWith(Sink.Seq<int>(), Materializer);

        await Assert.ThrowsAsync<FormatException>(() => Within(run));
    }

    [Fact]
    public async Task Recover_sees_the_element_error_of_a_failing_stage()
    {
        var result = await Within(Source.From([1, 3]).Select(FailOnThree)
            .Recover(e => e is StreamElementException { Element: 3 } ? Option<int>.Create(0) : Option<int>.None)
            .RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal([1, 0], result);
    }

    [Fact]
    public async Task RecoverWithRetries_continues_with_the_fallback_source_up_to_the_limit()
    {
        var attempts = 0;
        var fallback = Source.Single(9).Concat(Source.Failed<int>(new TimeoutException("again")));

        var run = Source.Single(1).Concat(Source.Failed<int>(new TimeoutException("first")))
            .RecoverWithRetries(_ =>
            {
                attempts++;
                return fallback;
            }, attempts: 2)
            .RunWith(Sink.Seq<int>(), Materializer);

        await Assert.ThrowsAsync<TimeoutException>(() => Within(run));
        Assert.Equal(2, attempts);
        var recovered = await Within(Source.Failed<int>(new TimeoutException("x")).RecoverWithRetries(_ => Source.From([5, 6]), 1).RunWith(Sink.Seq<int>(), Materializer));
        Assert.Equal([5, 6], recovered);
    }
}
