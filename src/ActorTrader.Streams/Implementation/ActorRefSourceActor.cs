using ActorTrader.Actors;

namespace ActorTrader.Streams.Implementation;

/// <summary>
/// The actor behind <see cref="Source.ActorRef{T}"/>: elements it is sent go into the stream's buffer;
/// <see cref="Status.Success"/> (or stopping it) completes the stream after the buffer drains, <see cref="Status.Failure"/> fails it.
/// </summary>
internal sealed class ActorRefSourceActor<T> : ReceiveActor
{
    private readonly StreamBuffer<T> _buffer;

    public ActorRefSourceActor(StreamBuffer<T> buffer)
    {
        _buffer = buffer;
        Receive<Status.Success>(_ =>
        {
            _buffer.Complete();
            Context.Stop(Self);
        });
        Receive<Status.Failure>(failure =>
        {
            _buffer.Fail(failure.Cause);
            Context.Stop(Self);
        });
        Receive<T>(element =>
        {
            var offered = _buffer.Offer(element);
            // The strategy is never Backpressure here, so the offer has already been decided.
            switch (offered.Result)
            {
                case QueueOfferResult.Dropped:
                    Context.System.Log.Debug("Source.ActorRef {Actor} dropped {Element}: its buffer of {Size} is full", Self, element, _buffer.Capacity);
                    break;
                case QueueOfferResult.QueueClosed or QueueOfferResult.Failure:
                    Context.Stop(Self);
                    break;
            }
        });
    }

    protected override void PostStop() => _buffer.Complete();
}
