using ActorTrader.Actors;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Smoke;

public sealed class SmokeTests : TestKit.TestKit
{
    private sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            Receive<string>(s => Sender.Tell(s, Self));
            Receive<int>(i => throw new InvalidOperationException("boom " + i));
        }
    }

    [Fact]
    public async Task Echo_replies_to_the_sender()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()), "echo");
        echo.Tell("hello", TestActor);
        await ExpectMsgAsync("hello");
        Assert.Equal("hi", await echo.Ask<string>("hi", TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Restarted_actor_keeps_working_and_watch_reports_stop()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        echo.Tell(1, TestActor);
        echo.Tell("after", TestActor);
        await ExpectMsgAsync("after");
        Watch(echo);
        echo.Tell(PoisonPill.Instance, TestActor);
        await ExpectTerminatedAsync(echo);
    }
}
