using System.Threading.Channels;
using ActorTrader.Actors;

namespace ActorTrader.Streams.Implementation;

/// <summary>
/// The sender of everything <see cref="Sink.ActorRefWithAck{TIn}"/> tells its target: it turns the target's acks into
/// signals for the sink (true) and reports the target's termination (false).
/// </summary>
internal sealed class AckReceiverActor : ReceiveActor
{
    public AckReceiverActor(IActorRef target, object ackMessage, ChannelWriter<bool> signals)
    {
        Context.Watch(target);
        Receive<Terminated>(_ => signals.TryWrite(false), terminated => terminated.ActorRef.Equals(target));
        Receive<object>(message => signals.TryWrite(true), message => Equals(message, ackMessage));
    }
}
