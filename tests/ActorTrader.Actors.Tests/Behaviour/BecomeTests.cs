using ActorTrader.Actors;

namespace ActorTrader.Actors.Tests.Behaviour;

/// <summary>Become replaces the current behaviour; BecomeStacked/UnbecomeStacked push and pop, never below the actor's own Receive.</summary>
public sealed class BecomeTests : TestKit.TestKit
{
    /// <summary>
    /// Answers "name:message" where name is the current behaviour. Commands: "become:X" (replace), "push:X" (stack), "pop".
    /// </summary>
    private sealed class Shifter : ActorBase
    {
        protected override bool Receive(object message) => Behave("base", message);

        private bool Behave(string name, object message)
        {
            switch (message)
            {
                case string s when s.StartsWith("become:", StringComparison.Ordinal):
                    var replacement = s["become:".Length..];
                    Become(m => Behave(replacement, m));
                    return true;
                case string s when s.StartsWith("push:", StringComparison.Ordinal):
                    var pushed = s["push:".Length..];
                    BecomeStacked(m => Behave(pushed, m));
                    return true;
                case "pop":
                    UnbecomeStacked();
                    return true;
                case string s:
                    Sender.Tell($"{name}:{s}", Self);
                    return true;
                default:
                    return false;
            }
        }
    }

    private IActorRef NewShifter() => Sys.ActorOf(Props.Create(() => new Shifter()));

    private async Task AssertBehaviourAsync(IActorRef actor, string expectedName)
    {
        actor.Tell("hi", TestActor);
        await ExpectMsgAsync($"{expectedName}:hi");
    }

    [Fact]
    public async Task Become_makes_the_new_behaviour_handle_the_next_messages()
    {
        var shifter = NewShifter();
        await AssertBehaviourAsync(shifter, "base");

        shifter.Tell("become:B", TestActor);

        await AssertBehaviourAsync(shifter, "B");
    }

    [Fact]
    public async Task Become_replaces_the_current_behaviour_instead_of_stacking_it()
    {
        var shifter = NewShifter();
        shifter.Tell("become:B", TestActor);
        shifter.Tell("become:C", TestActor);
        await AssertBehaviourAsync(shifter, "C");

        shifter.Tell("pop", TestActor);

        await AssertBehaviourAsync(shifter, "base"); // B was replaced, so popping C leaves only the base
    }

    [Fact]
    public async Task BecomeStacked_pushes_and_UnbecomeStacked_pops_back_to_the_previous_behaviour()
    {
        var shifter = NewShifter();
        shifter.Tell("push:B", TestActor);
        shifter.Tell("push:C", TestActor);
        await AssertBehaviourAsync(shifter, "C");

        shifter.Tell("pop", TestActor);
        await AssertBehaviourAsync(shifter, "B");

        shifter.Tell("pop", TestActor);
        await AssertBehaviourAsync(shifter, "base");
    }

    [Fact]
    public async Task UnbecomeStacked_never_pops_the_actors_own_behaviour()
    {
        var shifter = NewShifter();
        shifter.Tell("push:B", TestActor);

        shifter.Tell("pop", TestActor);
        shifter.Tell("pop", TestActor);
        shifter.Tell("pop", TestActor);

        await AssertBehaviourAsync(shifter, "base");
        shifter.Tell("push:D", TestActor);
        await AssertBehaviourAsync(shifter, "D");
    }

    [Fact]
    public async Task A_restart_returns_the_actor_to_its_initial_behaviour()
    {
        var shifter = Sys.ActorOf(Props.Create(() => new FailingShifter()));
        shifter.Tell("become:B", TestActor);
        await AssertBehaviourAsync(shifter, "B");

        shifter.Tell(new InvalidOperationException("crash"), TestActor);

        await AssertBehaviourAsync(shifter, "base");
    }

    /// <summary>Like <see cref="Shifter"/>, but throws any exception it is sent (in every behaviour).</summary>
    private sealed class FailingShifter : ActorBase
    {
        protected override bool Receive(object message) => Behave("base", message);

        private bool Behave(string name, object message)
        {
            switch (message)
            {
                case Exception e:
                    throw e;
                case string s when s.StartsWith("become:", StringComparison.Ordinal):
                    var replacement = s["become:".Length..];
                    Become(m => Behave(replacement, m));
                    return true;
                case string s:
                    Sender.Tell($"{name}:{s}", Self);
                    return true;
                default:
                    return false;
            }
        }
    }

    // ---- ReceiveActor ------------------------------------------------------------------------

    /// <summary>Starts handling strings ("idle:"); "work" switches to handlers for ints ("busy:"), "rest" back.</summary>
    private sealed class Worker : ReceiveActor
    {
        public Worker()
        {
            Idle();
        }

        private void Idle()
        {
            Receive<string>(_ => Become(Busy), s => s == "work");
            Receive<string>(s => Sender.Tell("idle:" + s, Self));
        }

        private void Busy()
        {
            Receive<string>(_ => Become(Idle), s => s == "rest");
            Receive<string>(_ => BecomeStacked(Nested), s => s == "nest");
            Receive<int>(n => Sender.Tell("busy:" + n, Self));
        }

        private void Nested()
        {
            Receive<string>(_ => UnbecomeStacked(), s => s == "unnest");
            Receive<int>(n => Sender.Tell("nested:" + n, Self));
        }
    }

    [Fact]
    public async Task ReceiveActor_Become_installs_the_handlers_declared_in_the_action()
    {
        var worker = Sys.ActorOf(Props.Create(() => new Worker()));
        worker.Tell("a", TestActor);
        await ExpectMsgAsync("idle:a");

        worker.Tell("work", TestActor);
        worker.Tell(7, TestActor);

        await ExpectMsgAsync("busy:7");
    }

    [Fact]
    public async Task ReceiveActor_Become_drops_the_previous_handlers()
    {
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var worker = Sys.ActorOf(Props.Create(() => new Worker()));
        worker.Tell("work", TestActor);

        worker.Tell("a", TestActor);

        var message = await unhandled.ExpectMsgAsync<UnhandledMessage>();
        Assert.Equal("a", message.Message);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        worker.Tell("rest", TestActor);
        worker.Tell("b", TestActor);
        await ExpectMsgAsync("idle:b");
    }

    [Fact]
    public async Task ReceiveActor_BecomeStacked_handlers_are_popped_by_UnbecomeStacked()
    {
        var worker = Sys.ActorOf(Props.Create(() => new Worker()));
        worker.Tell("work", TestActor);
        worker.Tell("nest", TestActor);
        worker.Tell(1, TestActor);
        await ExpectMsgAsync("nested:1");

        worker.Tell("unnest", TestActor);
        worker.Tell(2, TestActor);

        await ExpectMsgAsync("busy:2");
    }
}
