namespace ActorTrader.Actors.Tests.Supervision;

/// <summary>OneForOneStrategy with each directive, applied to the failed child only.</summary>
public sealed class OneForOneStrategyTests : TestKit.TestKit
{
    private async Task<(IActorRef Supervisor, IActorRef Child)> StartAsync(SupervisorStrategy strategy, TestKit.TestProbe probe, string childName = "child")
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(strategy, probe.Ref), "supervisor");
        supervisor.Tell(new CreateChild(Counter.Props(probe.Ref, childName), childName), TestActor);
        var child = await ExpectMsgAsync<IActorRef>();
        await probe.ExpectMsgAsync(new Started(childName, 1));
        return (supervisor, child);
    }

    private async Task<int> CountOfAsync(IActorRef counter)
    {
        counter.Tell(new Get(), TestActor);
        return (await ExpectMsgAsync<Count>()).Value;
    }

    [Fact]
    public async Task Resume_keeps_the_child_state()
    {
        var probe = CreateTestProbe();
        var (_, child) = await StartAsync(new OneForOneStrategy(_ => Directive.Resume), probe);
        child.Tell(new Inc(), TestActor);
        child.Tell(new Inc(), TestActor);

        child.Tell(new Fail(new InvalidOperationException("resume me")), TestActor);
        child.Tell(new Inc(), TestActor);

        Assert.Equal(3, await CountOfAsync(child));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // neither stopped nor started again
    }

    [Fact]
    public async Task Restart_replaces_the_child_with_a_fresh_instance()
    {
        var probe = CreateTestProbe();
        var (_, child) = await StartAsync(new OneForOneStrategy(_ => Directive.Restart), probe);
        child.Tell(new Inc(), TestActor);
        child.Tell(new Inc(), TestActor);

        child.Tell(new Fail(new InvalidOperationException("restart me")), TestActor);

        Assert.Equal(0, await CountOfAsync(child));
        await probe.FishForMessageAsync<Started>(s => s.Instance == 2);
    }

    [Fact]
    public async Task Restarted_child_keeps_its_reference()
    {
        var probe = CreateTestProbe();
        var (_, child) = await StartAsync(new OneForOneStrategy(_ => Directive.Restart), probe);

        child.Tell(new Fail(new InvalidOperationException("restart me")), TestActor);
        await probe.FishForMessageAsync<Started>(s => s.Instance == 2);
        child.Tell(new Ping(), TestActor);

        await ExpectMsgAsync(new Pong("child"));
        Assert.Equal(child, LastSender);
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // the supervisor's watch saw no Terminated
    }

    [Fact]
    public async Task Stop_stops_the_child_and_the_parent_watch_gets_Terminated()
    {
        var probe = CreateTestProbe();
        var (_, child) = await StartAsync(new OneForOneStrategy(_ => Directive.Stop), probe);

        child.Tell(new Fail(new InvalidOperationException("stop me")), TestActor);

        await probe.ExpectMsgAsync(new Stopped("child", 1));
        var terminated = await probe.ExpectMsgAsync<ChildTerminated>();
        Assert.Equal(child, terminated.Child);
    }

    [Fact]
    public async Task Messages_to_a_child_stopped_by_its_supervisor_go_to_dead_letters()
    {
        var probe = CreateTestProbe();
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var (_, child) = await StartAsync(new OneForOneStrategy(_ => Directive.Stop), probe);

        child.Tell(new Fail(new InvalidOperationException("stop me")), TestActor);
        child.Tell(new Ping(), TestActor);

        await deadLetters.FishForMessageAsync<DeadLetter>(d => d.Message is Ping);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Only_the_failed_child_is_affected()
    {
        var probe = CreateTestProbe();
        var (supervisor, first) = await StartAsync(new OneForOneStrategy(_ => Directive.Restart), probe, "first");
        supervisor.Tell(new CreateChild(Counter.Props(probe.Ref, "second"), "second"), TestActor);
        var second = await ExpectMsgAsync<IActorRef>();
        await probe.ExpectMsgAsync(new Started("second", 1));
        first.Tell(new Inc(), TestActor);
        second.Tell(new Inc(), TestActor);

        first.Tell(new Fail(new InvalidOperationException("only me")), TestActor);

        Assert.Equal(0, await CountOfAsync(first));
        Assert.Equal(1, await CountOfAsync(second));
    }

    [Fact]
    public async Task Decider_sees_the_exception_the_child_threw()
    {
        var probe = CreateTestProbe();
        var seen = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (_, child) = await StartAsync(new OneForOneStrategy(e =>
        {
            seen.TrySetResult(e);
            return Directive.Resume;
        }), probe);
        var thrown = new FormatException("the cause");

        child.Tell(new Fail(thrown), TestActor);

        Assert.Same(thrown, await seen.Task.WaitAsync(DefaultTimeout));
    }

    [Fact]
    public async Task Decider_can_choose_per_exception_type()
    {
        var probe = CreateTestProbe();
        var (_, child) = await StartAsync(new OneForOneStrategy(e => e is ArithmeticException ? Directive.Resume : Directive.Restart), probe);
        child.Tell(new Inc(), TestActor);

        child.Tell(new Fail(new ArithmeticException("resume")), TestActor);
        Assert.Equal(1, await CountOfAsync(child));
        child.Tell(new Fail(new InvalidOperationException("restart")), TestActor);

        Assert.Equal(0, await CountOfAsync(child));
    }
}
