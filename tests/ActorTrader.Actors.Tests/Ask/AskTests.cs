using ActorTrader.Actors;

namespace ActorTrader.Actors.Tests.Ask;

/// <summary>Ask on real time: replies, failures, cancellation, reply types and the temporary actor's lifetime.</summary>
public sealed class AskTests : TestKit.TestKit
{
    private sealed record Hold(string Question);

    private sealed record ReplyFailure(Exception Cause);

    /// <summary>Echoes strings, replies 42 to "number", a failure to <see cref="ReplyFailure"/>, and holds <see cref="Hold"/> until "release".</summary>
    private sealed class Responder : ReceiveActor
    {
        private IActorRef? _held;

        public Responder()
        {
            Receive<string>(_ => Sender.Tell(42, Self), s => s == "number");
            Receive<string>(_ => _held?.Tell("late-reply", Self), s => s == "release");
            Receive<string>(s => Sender.Tell(s, Self));
            Receive<ReplyFailure>(m => Sender.Tell(new Status.Failure(m.Cause), Self));
            Receive<Hold>(_ => _held = Sender);
        }
    }

    [Fact]
    public async Task Ask_returns_the_reply_of_the_recipient()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder()));

        var reply = await responder.Ask<string>("hello", TimeSpan.FromSeconds(3));

        Assert.Equal("hello", reply);
    }

    [Fact]
    public async Task Untyped_Ask_returns_the_reply_as_an_object()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder()));

        var reply = await responder.Ask("number", TimeSpan.FromSeconds(3));

        Assert.Equal(42, reply);
    }

    [Fact]
    public async Task A_Status_Failure_reply_makes_Ask_throw_its_cause()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder()));
        var cause = new InvalidOperationException("rejected by the responder");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(
            () => responder.Ask<string>(new ReplyFailure(cause), TimeSpan.FromSeconds(3)));

        Assert.Same(cause, thrown);
    }

    [Fact]
    public async Task A_reply_of_another_type_throws_InvalidCastException_naming_both_types()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder()));

        var thrown = await Assert.ThrowsAsync<InvalidCastException>(
            () => responder.Ask<string>("number", TimeSpan.FromSeconds(3)));

        Assert.Contains(nameof(String), thrown.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Int32), thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_token_cancels_a_pending_Ask()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder()));
        using var cancellation = new CancellationTokenSource();
        var ask = responder.Ask<string>(new Hold("never answered"), timeout: null, cancellation.Token);
        Assert.False(ask.IsCompleted);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
    }

    [Fact]
    public async Task The_temporary_actor_is_registered_while_the_Ask_is_pending_and_removed_after_the_reply()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder()));
        Assert.Equal(0, Sys.TempActorCount);

        var ask = responder.Ask<string>(new Hold("q"), TimeSpan.FromSeconds(3));
        Assert.Equal(1, Sys.TempActorCount);
        responder.Tell("release", TestActor);

        Assert.Equal("late-reply", await ask);
        Assert.Equal(0, Sys.TempActorCount);
    }

    [Fact]
    public async Task The_temporary_actor_is_removed_when_the_Ask_is_cancelled()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder()));
        using var cancellation = new CancellationTokenSource();
        var ask = responder.Ask<string>(new Hold("q"), timeout: null, cancellation.Token);
        Assert.Equal(1, Sys.TempActorCount);

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);

        Assert.Equal(0, Sys.TempActorCount);
    }

    [Fact]
    public async Task A_reply_after_cancellation_goes_to_dead_letters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var responder = Sys.ActorOf(Props.Create(() => new Responder()));
        using var cancellation = new CancellationTokenSource();
        var ask = responder.Ask<string>(new Hold("q"), timeout: null, cancellation.Token);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);

        responder.Tell("release", TestActor);

        var deadLetter = await deadLetters.FishForMessageAsync<DeadLetter>(d => Equals(d.Message, "late-reply"));
        Assert.Equal(responder, deadLetter.Sender);
        Assert.Equal("temp", deadLetter.Recipient.Path.Elements[0]);
    }
}
