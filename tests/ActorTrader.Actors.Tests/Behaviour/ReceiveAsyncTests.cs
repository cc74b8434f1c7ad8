using ActorTrader.Actors;

namespace ActorTrader.Actors.Tests.Behaviour;

/// <summary>
/// ReceiveAsync: the actor takes no other message until the handler's task completes; Sender, Self and state
/// stay the actor's own after an await; a failure after an await fails the actor like a synchronous one.
/// Handlers await gates the test completes, so every interleaving is decided by the test.
/// </summary>
public sealed class ReceiveAsyncTests : TestKit.TestKit
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    private sealed record Work(int Id, Task Gate);

    private sealed record WhoAmI(Task Gate);

    private sealed record Increment(Task Gate);

    private sealed record FailAfter(Task Gate, string Reason);

    private sealed class AsyncWorker : ReceiveActor
    {
        private readonly IActorRef _reporter;
        private int _count;

        public AsyncWorker(IActorRef reporter)
        {
            _reporter = reporter;
            ReceiveAsync<Work>(async w =>
            {
                reporter.Tell($"started:{w.Id}", Self);
                await w.Gate;
                Sender.Tell($"done:{w.Id}", Self);
            });
            ReceiveAsync<WhoAmI>(async w =>
            {
                await w.Gate;
                await Task.Run(() => { }); // resume from another thread's completion
                await Task.Yield();
                Sender.Tell(new Identity(Self, Context.Self, Context.Sender), Self);
            });
            ReceiveAsync<Increment>(async m =>
            {
                reporter.Tell("incrementing", Self);
                await m.Gate;
                _count++;
                await Task.Yield();
                _count++;
            });
            ReceiveAsync<FailAfter>(async m =>
            {
                reporter.Tell("failing", Self);
                await m.Gate;
                throw new InvalidOperationException(m.Reason);
            });
            Receive<string>(_ => Sender.Tell($"count:{_count}", Self), s => s == "count?");
            Receive<string>(s => Sender.Tell("got:" + s, Self));
        }

        protected override void PostRestart(Exception reason) => _reporter.Tell("restarted:" + reason.Message, Self);
    }

    private sealed record Identity(IActorRef Self, IActorRef ContextSelf, IActorRef Sender);

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task A_message_sent_during_an_await_is_processed_only_after_the_handler_completes()
    {
        var reports = CreateTestProbe();
        var worker = Sys.ActorOf(Props.Create(() => new AsyncWorker(reports.Ref)));
        var gate = NewGate();

        worker.Tell(new Work(1, gate.Task), TestActor);
        await reports.ExpectMsgAsync("started:1");
        worker.Tell("second", TestActor);
        await ExpectNoMsgAsync(Quiet);

        gate.SetResult();

        await ExpectMsgAsync("done:1");
        await ExpectMsgAsync("got:second");
    }

    [Fact]
    public async Task A_second_async_handler_starts_only_after_the_first_has_completed()
    {
        var reports = CreateTestProbe();
        var worker = Sys.ActorOf(Props.Create(() => new AsyncWorker(reports.Ref)));
        var first = NewGate();
        var second = NewGate();

        worker.Tell(new Work(1, first.Task), TestActor);
        worker.Tell(new Work(2, second.Task), TestActor);
        await reports.ExpectMsgAsync("started:1");
        await reports.ExpectNoMsgAsync(Quiet);

        first.SetResult();
        await ExpectMsgAsync("done:1");
        await reports.ExpectMsgAsync("started:2");
        second.SetResult();
        await ExpectMsgAsync("done:2");
    }

    [Fact]
    public async Task Sender_and_Self_are_still_those_of_the_message_after_an_await()
    {
        var reports = CreateTestProbe();
        var asker = CreateTestProbe();
        var worker = Sys.ActorOf(Props.Create(() => new AsyncWorker(reports.Ref)));
        var gate = NewGate();

        worker.Tell(new WhoAmI(gate.Task), asker.Ref);
        worker.Tell("from-someone-else", TestActor); // queued behind; must not become the Sender
        gate.SetResult();

        var identity = await asker.ExpectMsgAsync<Identity>();
        Assert.Equal(worker, identity.Self);
        Assert.Equal(worker, identity.ContextSelf);
        Assert.Equal(asker.Ref, identity.Sender);
        Assert.Equal(worker, asker.LastSender);
        await ExpectMsgAsync("got:from-someone-else");
    }

    [Fact]
    public async Task State_changed_after_an_await_is_visible_to_the_next_message()
    {
        var reports = CreateTestProbe();
        var worker = Sys.ActorOf(Props.Create(() => new AsyncWorker(reports.Ref)));
        var gate = NewGate();

        worker.Tell(new Increment(gate.Task), TestActor);
        await reports.ExpectMsgAsync("incrementing");
        worker.Tell("count?", TestActor);
        gate.SetResult();

        await ExpectMsgAsync("count:2");
    }

    [Fact]
    public async Task An_exception_thrown_after_an_await_fails_the_actor_and_the_supervisor_restarts_it()
    {
        var reports = CreateTestProbe();
        var worker = Sys.ActorOf(Props.Create(() => new AsyncWorker(reports.Ref)));
        var gate = NewGate();
        worker.Tell(new FailAfter(gate.Task, "async boom"), TestActor);
        await reports.ExpectMsgAsync("failing");

        gate.SetResult();

        await reports.ExpectMsgAsync("restarted:async boom");
        worker.Tell("still alive", TestActor);
        await ExpectMsgAsync("got:still alive");
    }

    [Fact]
    public async Task A_restart_after_an_async_failure_drops_the_failed_message_but_keeps_the_queued_ones()
    {
        var reports = CreateTestProbe();
        var worker = Sys.ActorOf(Props.Create(() => new AsyncWorker(reports.Ref)));
        var gate = NewGate();
        worker.Tell(new FailAfter(gate.Task, "async boom"), TestActor);
        await reports.ExpectMsgAsync("failing");
        worker.Tell("queued", TestActor);

        gate.SetResult();

        await reports.ExpectMsgAsync("restarted:async boom");
        await ExpectMsgAsync("got:queued");
        await reports.ExpectNoMsgAsync(Quiet); // the failing message is not retried
    }
}
