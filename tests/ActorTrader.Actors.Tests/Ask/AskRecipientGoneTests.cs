namespace ActorTrader.Actors.Tests.Ask;

/// <summary>An Ask that can never be answered fails at once, as in Akka, instead of waiting out (or forever) its timeout.</summary>
public sealed class AskRecipientGoneTests : TestKit.TestKit
{
    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    [Fact]
    public async Task Asking_a_stopped_actor_without_a_timeout_fails_at_once_naming_it()
    {
        var gone = Sys.ActorOf(Props.Create(() => new Silent()), "gone");
        Watch(gone);
        Sys.Stop(gone);
        await ExpectTerminatedAsync(gone);

        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => gone.Ask<string>("anyone?"));

        Assert.Contains("gone", error.Message, StringComparison.Ordinal);
        Assert.Contains("terminated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_factory_that_throws_leaves_no_temporary_actor_behind()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()));

        await Assert.ThrowsAsync<FormatException>(() => silent.Ask<string>(_ => throw new FormatException("bad request")));

        Assert.Equal(0, Sys.TempActorCount);
    }
}
