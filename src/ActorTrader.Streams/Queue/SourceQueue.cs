using ActorTrader.Streams.Implementation;

namespace ActorTrader.Streams;

/// <summary>The materialized value of <see cref="Source.Queue{T}"/>.</summary>
internal sealed class SourceQueue<T>(StreamBuffer<T> buffer) : ISourceQueueWithComplete<T>
{
    public Task<QueueOfferResult> OfferAsync(T element) => buffer.Offer(element);

    public Task WatchCompletionAsync() => buffer.Termination;

    public void Complete() => buffer.Complete();

    public void Fail(Exception cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        buffer.Fail(cause);
    }
}
