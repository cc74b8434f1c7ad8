namespace ActorTrader.Actors.Tests.Supervision;

/// <summary>Recovery paths that used to leave an actor looping or stuck (found in review).</summary>
public sealed class FailureRecoveryTests : TestKit.TestKit
{
    private sealed record Hello;

    private sealed class Worker : ReceiveActor
    {
        public Worker() => Receive<Hello>(_ => Sender.Tell("worker here", Self));
    }

    /// <summary>Creates a child named "worker", then throws in its constructor on the first attempt only.</summary>
    private sealed class FailsOnceAfterCreatingAChild : ReceiveActor
    {
        public FailsOnceAfterCreatingAChild(InstanceCounter attempts)
        {
            var worker = Context.ActorOf(Props.Create(() => new Worker()), "worker");
            if (attempts.Next() == 1) throw new InvalidOperationException("first construction fails");
            Receive<Hello>(m => worker.Forward(m));
        }
    }

    private sealed class RestartingSupervisor : ReceiveActor
    {
        public RestartingSupervisor(Props child)
        {
            var created = Context.ActorOf(child, "child");
            ReceiveAny(m => created.Forward(m));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Restart);
    }

    [Fact]
    public async Task A_constructor_that_fails_after_creating_a_child_is_recreated_once_its_leftovers_are_stopped()
    {
        var attempts = new InstanceCounter();
        var supervisor = Sys.ActorOf(Props.Create(() => new RestartingSupervisor(
            Props.Create(() => new FailsOnceAfterCreatingAChild(attempts)))));

        supervisor.Tell(new Hello(), TestActor);

        await ExpectMsgAsync("worker here");
        Assert.Equal(2, attempts.Next() - 1); // exactly one failed and one successful construction, no loop
    }

    /// <summary>Keeps its children across restarts; its PostRestart throws the first time.</summary>
    private sealed class KeepsChildrenAndFailsInPostRestartOnce : ReceiveActor
    {
        private readonly InstanceCounter _postRestarts;

        public KeepsChildrenAndFailsInPostRestartOnce(InstanceCounter postRestarts)
        {
            _postRestarts = postRestarts;
            Receive<Hello>(m => Context.Child("worker").Forward(m));
            Receive<string>(s => throw new InvalidOperationException(s), _ => true);
        }

        protected override void PreStart()
        {
            if (Context.Child("worker").IsNobody()) Context.ActorOf(Props.Create(() => new Worker()), "worker");
        }

        protected override void PreRestart(Exception reason, object? message)
        {
            // Keep the children (no call to the base, which stops them).
        }

        protected override void PostRestart(Exception reason)
        {
            if (_postRestarts.Next() == 1) throw new InvalidOperationException("PostRestart fails once");
        }
    }

    [Fact]
    public async Task Children_kept_across_a_restart_whose_PostRestart_failed_resume_after_the_next_restart()
    {
        var postRestarts = new InstanceCounter();
        var supervisor = Sys.ActorOf(Props.Create(() => new RestartingSupervisor(
            Props.Create(() => new KeepsChildrenAndFailsInPostRestartOnce(postRestarts)))));
        supervisor.Tell(new Hello(), TestActor);
        await ExpectMsgAsync("worker here");

        supervisor.Tell("fail now", TestActor);
        supervisor.Tell(new Hello(), TestActor);

        await ExpectMsgAsync("worker here");
        Assert.Equal(3, postRestarts.Next()); // one failed PostRestart, one good one
    }
}
