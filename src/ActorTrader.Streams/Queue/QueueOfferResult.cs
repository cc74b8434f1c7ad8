namespace ActorTrader.Streams;

/// <summary>The outcome of <see cref="ISourceQueue{T}.OfferAsync"/> (Akka.Streams' <c>IQueueOfferResult</c>).</summary>
public abstract record QueueOfferResult
{
    private QueueOfferResult() { }

    /// <summary>The element is in the stream's buffer (possibly after another was dropped to make room).</summary>
    public sealed record Enqueued : QueueOfferResult
    {
        public static readonly Enqueued Instance = new();

        private Enqueued() { }
    }

    /// <summary>The buffer was full and the strategy dropped the new element.</summary>
    public sealed record Dropped : QueueOfferResult
    {
        public static readonly Dropped Instance = new();

        private Dropped() { }
    }

    /// <summary>The stream has completed or was cancelled; the element was not taken.</summary>
    public sealed record QueueClosed : QueueOfferResult
    {
        public static readonly QueueClosed Instance = new();

        private QueueClosed() { }
    }

    /// <summary>The stream failed (or this offer made it fail, with <see cref="OverflowStrategy.Fail"/>).</summary>
    public sealed record Failure(Exception Cause) : QueueOfferResult;
}
