namespace ActorTrader.Streams;

/// <summary>What a full buffer does with a new element (Akka.Streams' <c>OverflowStrategy</c>).</summary>
public enum OverflowStrategy
{
    /// <summary>Drops the oldest buffered element to make room.</summary>
    DropHead,

    /// <summary>Drops the youngest buffered element to make room.</summary>
    DropTail,

    /// <summary>Drops every buffered element to make room.</summary>
    DropBuffer,

    /// <summary>Drops the new element.</summary>
    DropNew,

    /// <summary>Waits for room: the producer is slowed down.</summary>
    Backpressure,

    /// <summary>Fails the stream with <see cref="BufferOverflowException"/>.</summary>
    Fail,
}
