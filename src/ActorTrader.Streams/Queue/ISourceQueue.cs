namespace ActorTrader.Streams;

/// <summary>Pushes elements into a running stream materialized by <see cref="Source.Queue{T}"/>.</summary>
public interface ISourceQueue<in T>
{
    /// <summary>
    /// Offers an element. With <see cref="OverflowStrategy.Backpressure"/> the task completes only when the buffer
    /// has room; pending offers are taken in the order they were made.
    /// </summary>
    Task<QueueOfferResult> OfferAsync(T element);

    /// <summary>Completes when the stream has finished (faulted when it failed).</summary>
    Task WatchCompletionAsync();
}

/// <summary>A source queue the producer can also complete or fail (Akka.Streams' <c>ISourceQueueWithComplete</c>).</summary>
public interface ISourceQueueWithComplete<in T> : ISourceQueue<T>
{
    /// <summary>Completes the stream once the buffered elements have been emitted.</summary>
    void Complete();

    /// <summary>Fails the stream at once with <paramref name="cause"/>; buffered elements are discarded.</summary>
    void Fail(Exception cause);
}
