using ActorTrader.Actors;

namespace ActorTrader.Actors.Tests.Ask;

/// <summary>PipeTo: a task's outcome becomes a message (result or Status.Failure) to the recipient, with the given sender.</summary>
public sealed class PipeToTests : TestKit.TestKit
{
    private sealed record Compute(int Input, Task<int> Work);

    /// <summary>Pipes the work's result to itself with the original sender, then replies "result:n" to that sender.</summary>
    private sealed class Calculator : ReceiveActor
    {
        public Calculator()
        {
            Receive<Compute>(m => m.Work.PipeTo(Self, Sender));
            Receive<int>(n => Sender.Tell("result:" + n, Self));
            Receive<Status.Failure>(f => Sender.Tell("failed:" + f.Cause.Message, Self));
        }
    }

    [Fact]
    public async Task PipeTo_sends_the_result_to_the_recipient_once_the_task_completes()
    {
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = source.Task.PipeTo(TestActor);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        source.SetResult(7);

        await ExpectMsgAsync(7);
    }

    [Fact]
    public async Task PipeTo_sends_the_result_with_the_given_sender()
    {
        var sender = CreateTestProbe();

        await Task.FromResult("value").PipeTo(TestActor, sender.Ref);

        await ExpectMsgAsync("value");
        Assert.Equal(sender.Ref, LastSender);
    }

    [Fact]
    public async Task PipeTo_sends_a_Status_Failure_with_the_exception_of_a_failed_task()
    {
        var sender = CreateTestProbe();
        var cause = new InvalidOperationException("no quote");

        await Task.FromException<int>(cause).PipeTo(TestActor, sender.Ref);

        var failure = await ExpectMsgAsync<Status.Failure>();
        Assert.Same(cause, failure.Cause);
        Assert.Equal(sender.Ref, LastSender);
    }

    [Fact]
    public async Task PipeTo_of_a_cancelled_task_sends_a_Status_Failure_with_a_TaskCanceledException()
    {
        await Task.FromCanceled<int>(new CancellationToken(canceled: true)).PipeTo(TestActor);

        var failure = await ExpectMsgAsync<Status.Failure>();
        Assert.IsType<TaskCanceledException>(failure.Cause);
    }

    [Fact]
    public async Task PipeTo_applies_the_success_and_failure_mappings()
    {
        await Task.FromResult(2).PipeTo(TestActor, success: n => $"ok:{n}");
        await ExpectMsgAsync("ok:2");

        await Task.FromException<int>(new TimeoutException("slow")).PipeTo(TestActor, failure: e => $"ko:{e.Message}");
        await ExpectMsgAsync("ko:slow");
    }

    [Fact]
    public async Task PipeTo_of_a_task_without_result_sends_Status_Success()
    {
        await Task.CompletedTask.PipeTo(TestActor);

        await ExpectMsgAsync<Status.Success>();
    }

    [Fact]
    public async Task An_actor_piping_to_itself_keeps_the_original_sender_for_the_reply()
    {
        var calculator = Sys.ActorOf(Props.Create(() => new Calculator()));
        var asker = CreateTestProbe();
        var work = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        calculator.Tell(new Compute(1, work.Task), asker.Ref);
        work.SetResult(42);

        await asker.ExpectMsgAsync("result:42");
        Assert.Equal(calculator, asker.LastSender);
    }

    [Fact]
    public async Task An_actor_piping_a_failed_task_to_itself_receives_Status_Failure_with_the_original_sender()
    {
        var calculator = Sys.ActorOf(Props.Create(() => new Calculator()));
        var asker = CreateTestProbe();
        var work = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        calculator.Tell(new Compute(1, work.Task), asker.Ref);
        work.SetException(new InvalidOperationException("market closed"));

        await asker.ExpectMsgAsync("failed:market closed");
    }
}
