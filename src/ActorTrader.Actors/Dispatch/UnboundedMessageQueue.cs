namespace ActorTrader.Actors.Dispatch;

/// <summary>
/// Vyukov's intrusive multi-producer single-consumer linked queue: one interlocked exchange per
/// enqueue, no lock, and an idle queue costs a single node (small memory per idle actor).
/// </summary>
public sealed class UnboundedMessageQueue : IMessageQueue
{
    private sealed class Node
    {
        public object? Message;
        public IActorRef? Sender;
        public Node? Next;
    }

    private Node _head; // producers swap new nodes in here
    private Node _tail; // the consumer reads after this stub

    public UnboundedMessageQueue()
    {
        _head = _tail = new Node();
    }

    public bool TryEnqueue(in Envelope envelope)
    {
        var node = new Node { Message = envelope.Message, Sender = envelope.Sender };
        var previous = Interlocked.Exchange(ref _head, node);
        Volatile.Write(ref previous.Next, node);
        return true;
    }

    public bool TryDequeue(out Envelope envelope)
    {
        var tail = _tail;
        var next = Volatile.Read(ref tail.Next);
        if (next is null)
        {
            // A producer may have swapped the head but not linked yet; wait for the link briefly.
            if (ReferenceEquals(Volatile.Read(ref _head), tail))
            {
                envelope = default;
                return false;
            }
            var spinner = new SpinWait();
            while ((next = Volatile.Read(ref tail.Next)) is null) spinner.SpinOnce(sleep1Threshold: -1);
        }
        envelope = new Envelope(next.Message!, next.Sender);
        next.Message = null;
        next.Sender = null;
        _tail = next;
        return true;
    }

    public bool HasMessages => !ReferenceEquals(Volatile.Read(ref _head), _tail);

    /// <summary>Counted by walking the links (no shared counter on the hot path); for monitoring only.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            for (var node = Volatile.Read(ref _tail.Next); node is not null; node = Volatile.Read(ref node.Next)) count++;
            return count;
        }
    }
}
