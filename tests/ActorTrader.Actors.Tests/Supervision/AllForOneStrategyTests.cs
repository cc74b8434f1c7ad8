namespace ActorTrader.Actors.Tests.Supervision;

/// <summary>AllForOneStrategy: the directive for one failing child applies to all its siblings.</summary>
public sealed class AllForOneStrategyTests : TestKit.TestKit
{
    private async Task<(IActorRef First, IActorRef Second)> StartTwoChildrenAsync(SupervisorStrategy strategy, TestKit.TestProbe probe)
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(strategy, probe.Ref), "supervisor");
        supervisor.Tell(new CreateChild(Counter.Props(probe.Ref, "first"), "first"), TestActor);
        var first = await ExpectMsgAsync<IActorRef>();
        supervisor.Tell(new CreateChild(Counter.Props(probe.Ref, "second"), "second"), TestActor);
        var second = await ExpectMsgAsync<IActorRef>();
        var started = new[] { await probe.ExpectMsgAsync<Started>(), await probe.ExpectMsgAsync<Started>() };
        Assert.Equal(["first", "second"], started.Select(s => s.Name).Order(StringComparer.Ordinal));
        return (first, second);
    }

    private async Task<int> CountOfAsync(IActorRef counter)
    {
        counter.Tell(new Get(), TestActor);
        return (await ExpectMsgAsync<Count>()).Value;
    }

    [Fact]
    public async Task Restart_of_one_child_restarts_all_siblings()
    {
        var probe = CreateTestProbe();
        var (first, second) = await StartTwoChildrenAsync(new AllForOneStrategy(_ => Directive.Restart), probe);
        first.Tell(new Inc(), TestActor);
        second.Tell(new Inc(), TestActor);
        second.Tell(new Inc(), TestActor);
        Assert.Equal(2, await CountOfAsync(second)); // the increments happened before the failure

        first.Tell(new Fail(new InvalidOperationException("all restart")), TestActor);

        var restarted = new HashSet<string>(StringComparer.Ordinal);
        while (restarted.Count < 2) restarted.Add((await probe.FishForMessageAsync<Started>(s => s.Instance == 2)).Name);
        Assert.Equal(0, await CountOfAsync(first));
        Assert.Equal(0, await CountOfAsync(second));
    }

    [Fact]
    public async Task Sibling_restarted_by_AllForOne_gets_the_failure_as_its_PreRestart_reason()
    {
        var probe = CreateTestProbe();
        var (first, _) = await StartTwoChildrenAsync(new AllForOneStrategy(_ => Directive.Restart), probe);
        var cause = new InvalidOperationException("all restart");

        first.Tell(new Fail(cause), TestActor);

        var siblingRestart = await probe.FishForMessageAsync<Restarting>(r => r.Name == "second");
        Assert.Same(cause, siblingRestart.Reason);
        Assert.Null(siblingRestart.Message); // the sibling was not processing anything
    }

    [Fact]
    public async Task Stop_of_one_child_stops_all_siblings()
    {
        var probe = CreateTestProbe();
        var (first, second) = await StartTwoChildrenAsync(new AllForOneStrategy(_ => Directive.Stop), probe);

        first.Tell(new Fail(new InvalidOperationException("all stop")), TestActor);

        var terminated = new[]
        {
            (await probe.FishForMessageAsync<ChildTerminated>(_ => true)).Child,
            (await probe.FishForMessageAsync<ChildTerminated>(_ => true)).Child,
        };
        Assert.Contains(first, terminated);
        Assert.Contains(second, terminated);
    }

    [Fact]
    public async Task Resume_keeps_the_state_of_all_children()
    {
        var probe = CreateTestProbe();
        var (first, second) = await StartTwoChildrenAsync(new AllForOneStrategy(_ => Directive.Resume), probe);
        first.Tell(new Inc(), TestActor);
        second.Tell(new Inc(), TestActor);

        first.Tell(new Fail(new InvalidOperationException("resume")), TestActor);
        first.Tell(new Inc(), TestActor);

        Assert.Equal(2, await CountOfAsync(first));
        Assert.Equal(1, await CountOfAsync(second));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Exhausted_retries_stop_all_siblings()
    {
        var probe = CreateTestProbe();
        var (first, second) = await StartTwoChildrenAsync(new AllForOneStrategy(0, null, _ => Directive.Restart), probe);

        first.Tell(new Fail(new InvalidOperationException("no retries")), TestActor);

        var terminated = new[]
        {
            (await probe.FishForMessageAsync<ChildTerminated>(_ => true)).Child,
            (await probe.FishForMessageAsync<ChildTerminated>(_ => true)).Child,
        };
        Assert.Contains(first, terminated);
        Assert.Contains(second, terminated);
    }
}
