using System.Threading.Channels;

namespace ActorTrader.Streams.Tests.Acceptance;

/// <summary>Issue 6 acceptance: a source fed through a channel (Source.ChannelReader).</summary>
public sealed class ChannelSourceTests : StreamTestKit
{
    [Fact]
    public async Task Elements_written_to_the_channel_are_emitted_in_order_until_the_writer_completes()
    {
        var channel = Channel.CreateUnbounded<int>();
        var run = Source.ChannelReader(channel.Reader).RunWith(Sink.Seq<int>(), Materializer);

        for (var i = 1; i <= 5; i++) await channel.Writer.WriteAsync(i);
        Assert.False(run.IsCompleted);
        channel.Writer.Complete();

        Assert.Equal([1, 2, 3, 4, 5], await Within(run));
    }

    [Fact]
    public async Task A_writer_completing_with_an_error_fails_the_stream_with_that_error()
    {
        var channel = Channel.CreateUnbounded<int>();
        var run = Source.ChannelReader(channel.Reader).RunWith(Sink.Seq<int>(), Materializer);

        await channel.Writer.WriteAsync(1);
        channel.Writer.Complete(new TimeoutException("feed lost"));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => Within(run));
        Assert.Equal("feed lost", error.Message);
    }

    [Fact]
    public async Task A_slow_stream_makes_the_writer_of_a_bounded_channel_wait()
    {
        const int capacity = 2;
        var gate = NewSignal();
        var channel = Channel.CreateBounded<int>(capacity);
        var run = Source.ChannelReader(channel.Reader)
            .SelectAsync(1, async x =>
            {
                await gate.Task;
                return x;
            })
            .RunWith(Sink.Seq<int>(), Materializer);

        var accepted = 0;
        ValueTask write;
        while ((write = channel.Writer.WriteAsync(accepted + 1)).IsCompleted)
        {
            await write;
            accepted++;
            Assert.True(accepted <= 100, "the channel writer was never made to wait");
        }

        // The channel's capacity, plus at most the one element SelectAsync holds and one the stage has pulled ahead.
        Assert.InRange(accepted, capacity, capacity + 2);
        gate.SetResult();
        await write;
        channel.Writer.Complete();
        Assert.Equal(Enumerable.Range(1, accepted + 1), await Within(run));
    }

    [Fact]
    public async Task Cancelling_the_stream_stops_reading_and_leaves_the_channel_to_its_writer()
    {
        var channel = Channel.CreateUnbounded<int>();
        for (var i = 1; i <= 10; i++) await channel.Writer.WriteAsync(i);

        var firstTwo = await Within(Source.ChannelReader(channel.Reader).Take(2).RunWith(Sink.Seq<int>(), Materializer));

        Assert.Equal([1, 2], firstTwo);
        Assert.False(channel.Reader.Completion.IsCompleted);
        Assert.True(channel.Writer.TryWrite(11));
    }
}
