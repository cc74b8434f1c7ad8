using System.Collections.Concurrent;

namespace ActorTrader.Actors.Dispatch;

/// <summary>
/// A queue with a capacity. A sender finding it full waits up to the push timeout (zero: not at all);
/// if still full the message goes to dead letters, as Akka's bounded mailbox.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "SemaphoreSlim holds no OS handle unless AvailableWaitHandle is used, which it never is here.")]
public sealed class BoundedMessageQueue : IMessageQueue
{
    private readonly ConcurrentQueue<Envelope> _queue = new();
    private readonly SemaphoreSlim _freeSlots;
    private readonly TimeSpan _pushTimeout;

    public BoundedMessageQueue(int capacity, TimeSpan pushTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _pushTimeout = pushTimeout < TimeSpan.Zero ? TimeSpan.Zero : pushTimeout;
        _freeSlots = new SemaphoreSlim(capacity, capacity);
    }

    public int Capacity { get; }

    public bool TryEnqueue(in Envelope envelope)
    {
        if (!_freeSlots.Wait(_pushTimeout)) return false;
        _queue.Enqueue(envelope);
        return true;
    }

    public bool TryDequeue(out Envelope envelope)
    {
        if (!_queue.TryDequeue(out envelope)) return false;
        _freeSlots.Release();
        return true;
    }

    public bool HasMessages => !_queue.IsEmpty;

    public int Count => _queue.Count;
}
