namespace ActorTrader.Actors.Dispatch;

/// <summary>
/// Delivers lower priority numbers first; messages of equal priority keep their arrival order.
/// </summary>
public sealed class UnboundedPriorityMessageQueue : IMessageQueue
{
    private readonly PriorityQueue<Envelope, (int Priority, long Sequence)> _queue = new();
    private readonly Func<object, int> _priorityOf;
    private readonly Lock _gate = new();
    private long _sequence;
    private int _count;

    public UnboundedPriorityMessageQueue(Func<object, int> priorityOf)
    {
        _priorityOf = priorityOf;
    }

    public bool TryEnqueue(in Envelope envelope)
    {
        var priority = _priorityOf(envelope.Message);
        lock (_gate)
        {
            _queue.Enqueue(envelope, (priority, _sequence++));
            _count = _queue.Count;
        }
        return true;
    }

    public bool TryDequeue(out Envelope envelope)
    {
        lock (_gate)
        {
            var found = _queue.TryDequeue(out envelope, out _);
            _count = _queue.Count;
            return found;
        }
    }

    public bool HasMessages => Volatile.Read(ref _count) > 0;

    public int Count => Volatile.Read(ref _count);
}
