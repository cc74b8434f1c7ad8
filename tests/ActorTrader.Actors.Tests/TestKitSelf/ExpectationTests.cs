using ActorTrader.Actors;
using ActorTrader.TestKit;
using Xunit.Sdk;

namespace ActorTrader.Actors.Tests.TestKitSelf;

public sealed class ExpectationTests : TestKit.TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    private sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            ReceiveAny(m => Sender.Tell(m, Self));
        }
    }

    [Fact]
    public async Task ExpectMsg_returns_the_message_and_records_its_sender()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()), "echo");

        echo.Tell("ping", TestActor);

        Assert.Equal("ping", await ExpectMsgAsync<string>());
        Assert.Equal("ping", LastMessage);
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public async Task ExpectMsg_fails_with_an_xunit_exception_when_no_message_arrives_in_time()
    {
        var error = await Assert.ThrowsAsync<XunitException>(() => ExpectMsgAsync<string>(Short));

        Assert.Contains("Timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_synchronous_ExpectMsg_fails_with_an_xunit_exception_too()
    {
        Assert.Throws<XunitException>(() => ExpectMsg<string>(Short));
    }

    [Fact]
    public async Task ExpectMsg_fails_when_the_message_has_another_type()
    {
        TestActor.Tell(42, TestActor);

        var error = await Assert.ThrowsAsync<XunitException>(() => ExpectMsgAsync<string>());

        Assert.Contains(nameof(Int32), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsg_of_a_value_fails_when_an_unequal_message_arrives()
    {
        TestActor.Tell("actual", TestActor);

        var error = await Assert.ThrowsAsync<XunitException>(() => ExpectMsgAsync("expected"));

        Assert.Contains("actual", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsg_with_a_predicate_fails_when_the_message_does_not_match()
    {
        TestActor.Tell(3, TestActor);

        await Assert.ThrowsAsync<XunitException>(() => ExpectMsgAsync<int>(n => n % 2 == 0, hint: "an even number"));
    }

    [Fact]
    public async Task ExpectNoMsg_fails_when_a_message_arrives()
    {
        TestActor.Tell("unexpected", TestActor);

        var error = await Assert.ThrowsAsync<XunitException>(() => ExpectNoMsgAsync(Short));

        Assert.Contains("unexpected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectNoMsg_fails_when_a_message_arrives_during_the_wait()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        var waiting = ExpectNoMsgAsync(TimeSpan.FromSeconds(5));

        echo.Tell("late", TestActor);

        await Assert.ThrowsAsync<XunitException>(() => waiting);
    }

    [Fact]
    public async Task FishForMessage_skips_messages_until_one_matches_and_leaves_later_ones()
    {
        foreach (var m in new object[] { 1, "not this", 2, "target", 3 }) TestActor.Tell(m, TestActor);

        var found = await FishForMessageAsync<string>(s => s == "target");

        Assert.Equal("target", found);
        Assert.Equal(3, await ExpectMsgAsync<int>());
    }

    [Fact]
    public async Task FishForMessage_fails_when_no_message_matches_in_time()
    {
        TestActor.Tell(1, TestActor);
        TestActor.Tell(2, TestActor);
        // Both in the queue before fishing starts: on a busy machine the test actor may pass them on after a short timeout.
        await AwaitConditionAsync(() => MessageCount == 2);

        var error = await Assert.ThrowsAsync<XunitException>(() => FishForMessageAsync(m => m is string, TimeSpan.FromMilliseconds(200)));

        Assert.Contains("skipped 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveN_returns_the_messages_in_arrival_order()
    {
        for (var i = 1; i <= 5; i++) TestActor.Tell(i, TestActor);

        var messages = await ReceiveNAsync(5);

        Assert.Equal([1, 2, 3, 4, 5], messages.Cast<int>());
        await ExpectNoMsgAsync(Short);
    }

    [Fact]
    public async Task ReceiveN_fails_when_fewer_messages_arrive_in_time()
    {
        TestActor.Tell(1, TestActor);
        TestActor.Tell(2, TestActor);

        var error = await Assert.ThrowsAsync<XunitException>(() => ReceiveNAsync(3, TimeSpan.FromMilliseconds(200)));

        Assert.Contains("2 of 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectTerminated_fails_when_the_watched_actor_keeps_running()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        Watch(echo);

        await Assert.ThrowsAsync<XunitException>(() => ExpectTerminatedAsync(echo, TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Reply_answers_the_sender_of_the_last_message()
    {
        var probe = CreateTestProbe();
        TestActor.Tell("question", probe.Ref);
        await ExpectMsgAsync("question");

        Reply("answer");

        await probe.ExpectMsgAsync("answer");
        Assert.Equal(TestActor, probe.LastSender);
    }

    [Fact]
    public async Task Forward_passes_the_last_message_on_with_its_original_sender()
    {
        var original = CreateTestProbe();
        var next = CreateTestProbe();
        TestActor.Tell("parcel", original.Ref);
        await ExpectMsgAsync("parcel");

        Forward(next.Ref);

        await next.ExpectMsgAsync("parcel");
        Assert.Equal(original.Ref, next.LastSender);
    }

    [Fact]
    public void The_virtual_time_scheduler_is_unavailable_on_real_time()
    {
        Assert.Throws<InvalidOperationException>(() => Scheduler);
    }
}
