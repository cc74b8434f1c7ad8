using ActorTrader.Actors;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.TestKitSelf;

public sealed class ProbeTests : TestKit.TestKit
{
    [Fact]
    public async Task A_message_to_one_probe_is_seen_by_that_probe_only()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe();

        first.Ref.Tell("for the first", TestActor);

        await first.ExpectMsgAsync("for the first");
        Assert.Equal(TestActor, first.LastSender);
        await second.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(1));
        Assert.Same(ActorRefs.Nobody, second.LastSender);
    }

    [Fact]
    public async Task Each_probe_keeps_its_own_queue_and_order()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe();

        first.Ref.Tell(1, TestActor);
        second.Ref.Tell("a", TestActor);
        first.Ref.Tell(2, TestActor);
        second.Ref.Tell("b", TestActor);

        Assert.Equal([1, 2], (await first.ReceiveNAsync(2)).Cast<int>());
        Assert.Equal(["a", "b"], (await second.ReceiveNAsync(2)).Cast<string>());
    }

    [Fact]
    public void Probes_have_distinct_references_and_names()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        var named = CreateTestProbe("prices");

        Assert.NotEqual(first.Ref, second.Ref);
        Assert.NotEqual(first.Ref, TestActor);
        Assert.Equal("prices", named.Ref.Path.Name);
        Assert.Equal($"akka://{Sys.Name}/user/prices", named.Ref.Path.ToString());
    }

    [Fact]
    public async Task A_probe_can_watch_an_actor_and_expect_its_Terminated()
    {
        var probe = CreateTestProbe();
        var subject = CreateTestProbe();

        probe.Watch(subject.Ref);
        Sys.Stop(subject.Ref);

        await probe.ExpectTerminatedAsync(subject.Ref);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // the test actor did not watch
    }
}
