namespace ActorTrader.Streams;

/// <summary>A buffer with <see cref="OverflowStrategy.Fail"/> received an element while full.</summary>
public sealed class BufferOverflowException : Exception
{
    public BufferOverflowException(int capacity)
        : base($"Buffer overflow (max capacity was {capacity}). Fix: enlarge the buffer, choose another OverflowStrategy, or slow the producer down.")
    {
        Capacity = capacity;
    }

    public BufferOverflowException() : this(0)
    {
    }

    public BufferOverflowException(string message) : base(message)
    {
    }

    public BufferOverflowException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public int Capacity { get; }
}
