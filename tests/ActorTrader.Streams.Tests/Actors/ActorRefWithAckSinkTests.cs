using System.Threading.Channels;
using ActorTrader.Actors;
using ActorTrader.Streams.Implementation;

namespace ActorTrader.Streams.Tests.Actors;

public sealed class ActorRefWithAckSinkTests : StreamTestKit
{
    private sealed record Failed(string Reason);

    [Fact]
    public async Task Sends_init_then_each_element_after_an_ack_then_complete()
    {
        var probe = CreateTestProbe();
        Source.From([1, 2]).RunWith(Sink.ActorRefWithAck<int>(probe.Ref, "init", "ack", "complete", e => new Failed(e.Message)), Materializer);

        await probe.ExpectMsgAsync("init");
        Assert.False(probe.HasMessages, "no element before the init is acknowledged");
        probe.Reply("ack");
        await probe.ExpectMsgAsync(1);
        probe.Reply("ack");
        await probe.ExpectMsgAsync(2);
        probe.Reply("ack");
        await probe.ExpectMsgAsync("complete");
    }

    [Fact]
    public async Task Only_the_ack_message_releases_the_next_element()
    {
        var target = CreateTestProbe();
        var signals = Channel.CreateUnbounded<bool>();
        var receiver = Sys.ActorOf(Props.Create(() => new AckReceiverActor(target.Ref, "ack", signals.Writer)));

        receiver.Tell("not-an-ack", target.Ref);
        receiver.Tell("ack", target.Ref);

        Assert.True(await Within(signals.Reader.ReadAsync().AsTask()));
        // The receiver handles messages in order: the non-ack was handled before the ack's signal, and gave none.
        Assert.False(signals.Reader.TryRead(out _), "a message other than the ack released an element");
    }

    [Fact]
    public async Task An_upstream_failure_is_sent_as_the_failure_message()
    {
        var probe = CreateTestProbe();
        Source.Failed<int>(new FormatException("bad bar")).RunWith(Sink.ActorRefWithAck<int>(probe.Ref, "init", "ack", "complete", e => new Failed(e.Message)), Materializer);

        await probe.ExpectMsgAsync("init");
        probe.Reply("ack");

        await probe.ExpectMsgAsync(new Failed("bad bar"));
    }

    [Fact]
    public async Task The_stream_is_cancelled_when_the_target_terminates()
    {
        var probe = CreateTestProbe();
        var disposed = NewSignal();
        Source.From(Naturals(disposed)).RunWith(Sink.ActorRefWithAck<int>(probe.Ref, "init", "ack", "complete"), Materializer);
        await probe.ExpectMsgAsync("init");
        probe.Reply("ack");
        await probe.ExpectMsgAsync(0);

        Sys.Stop(probe.Ref);

        await Within(disposed.Task);
    }
}
