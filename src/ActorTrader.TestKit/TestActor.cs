using System.Threading.Channels;
using ActorTrader.Actors;
using ActorTrader.Actors.Dispatch;

namespace ActorTrader.TestKit;

/// <summary>The actor behind a probe: queues every message it receives for the test to expect.</summary>
internal sealed class TestActor : ActorBase
{
    private readonly ChannelWriter<Envelope> _queue;

    public TestActor(ChannelWriter<Envelope> queue)
    {
        _queue = queue;
    }

    /// <summary>Makes the probe watch or unwatch a subject (watching must happen inside the actor).</summary>
    internal sealed record WatchCommand(IActorRef Subject, bool Watch);

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WatchCommand { Watch: true } command:
                Context.Watch(command.Subject);
                return true;
            case WatchCommand command:
                Context.Unwatch(command.Subject);
                return true;
            default:
                _queue.TryWrite(new Envelope(message, Sender));
                return true;
        }
    }
}
