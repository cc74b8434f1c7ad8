namespace ActorTrader.Actors.Dispatch;

/// <summary>
/// A multi-producer single-consumer queue of array segments. A producer claims a slot with one
/// interlocked increment on an int and publishes it with a volatile flag: no allocation per message
/// and no interlocked swap of an object reference. Segments double in size while the queue is busy
/// (4 up to 1024 slots), and a large segment is let go as soon as the queue drains, so an idle actor
/// holds no segment or one of 4 slots.
/// </summary>
public sealed class UnboundedMessageQueue : IMessageQueue
{
    public const int InitialSegmentSize = 4;
    public const int MaxSegmentSize = 1024;

    // A retired segment's claim counter: far past any capacity, so every later claim fails.
    private const int Retired = int.MaxValue / 2;

    private Segment? _head; // where producers claim slots
    private Segment? _tail; // where the consumer reads; set by the producer that installs a first segment, else the consumer's

    public bool TryEnqueue(in Envelope envelope)
    {
        var segment = Volatile.Read(ref _head) ?? InstallFirstSegment();
        while (true)
        {
            var index = Interlocked.Increment(ref segment.Reserved) - 1;
            if (index < segment.Slots.Length)
            {
                ref var slot = ref segment.Slots[index];
                slot.Message = envelope.Message;
                slot.Sender = envelope.Sender;
                Volatile.Write(ref slot.Published, 1);
                return true;
            }
            segment = NextSegment(segment);
        }
    }

    public bool TryDequeue(out Envelope envelope)
    {
        var segment = Volatile.Read(ref _tail);
        while (segment is not null)
        {
            var index = segment.Consumed;
            if (index < segment.Slots.Length)
            {
                ref var slot = ref segment.Slots[index];
                if (Volatile.Read(ref slot.Published) == 0)
                {
                    if (Volatile.Read(ref segment.Reserved) <= index)
                    {
                        RetireIfLarge(segment, index);
                        break; // nothing claimed there: empty
                    }
                    var spinner = new SpinWait(); // claimed but not yet written: the producer is mid-write
                    while (Volatile.Read(ref slot.Published) == 0) spinner.SpinOnce(sleep1Threshold: -1);
                }
                envelope = new Envelope(slot.Message!, slot.Sender);
                slot = default; // drop the references so a consumed message can be collected
                segment.Consumed = index + 1;
                return true;
            }

            // Used up: a producer that claimed past the end links the next segment before writing to it.
            var next = Volatile.Read(ref segment.Next);
            if (next is null)
            {
                if (Volatile.Read(ref segment.Reserved) <= segment.Slots.Length)
                {
                    RetireIfLarge(segment, index);
                    break;
                }
                var spinner = new SpinWait();
                while ((next = Volatile.Read(ref segment.Next)) is null) spinner.SpinOnce(sleep1Threshold: -1);
            }
            _tail = segment = next;
        }
        envelope = default;
        return false;
    }

    /// <summary>Exact on the consumer's thread (which is where the mailbox needs it); a hint elsewhere.</summary>
    public bool HasMessages
    {
        get
        {
            var segment = Volatile.Read(ref _tail);
            if (segment is null) return false;
            var consumed = segment.Consumed;
            var reserved = Volatile.Read(ref segment.Reserved);
            if (reserved >= Retired) return false;
            return consumed < segment.Slots.Length
                ? reserved > consumed
                : reserved > segment.Slots.Length || Volatile.Read(ref segment.Next) is not null;
        }
    }

    /// <summary>Approximate (for monitoring): claimed minus consumed slots along the segment chain.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            for (var segment = Volatile.Read(ref _tail); segment is not null; segment = Volatile.Read(ref segment.Next))
                count += Math.Max(0, Math.Min(Volatile.Read(ref segment.Reserved), segment.Slots.Length) - segment.Consumed);
            return count;
        }
    }

    /// <summary>
    /// The first message (or the first after a retirement) makes a small segment. Only the producer that
    /// installs it sets the consumer's start; until then the queue reads as empty, and that producer's own
    /// Post schedules the consumer afterwards.
    /// </summary>
    private Segment InstallFirstSegment()
    {
        var fresh = new Segment(InitialSegmentSize);
        var existing = Interlocked.CompareExchange(ref _head, fresh, null);
        if (existing is not null) return existing;
        Volatile.Write(ref _tail, fresh);
        return fresh;
    }

    /// <summary>The segment after a full one: links a fresh, larger one if nobody has yet, and moves the head along.</summary>
    private Segment NextSegment(Segment full)
    {
        if (Volatile.Read(ref full.Reserved) >= Retired)
        {
            // The consumer drained and dropped this segment; it is about to clear the head. Start anew after it.
            var spinner = new SpinWait();
            while (ReferenceEquals(Volatile.Read(ref _head), full)) spinner.SpinOnce(sleep1Threshold: -1);
            return Volatile.Read(ref _head) ?? InstallFirstSegment();
        }
        var next = Volatile.Read(ref full.Next);
        if (next is null)
        {
            var fresh = new Segment(Math.Min(full.Slots.Length * 2, MaxSegmentSize));
            next = Interlocked.CompareExchange(ref full.Next, fresh, null) ?? fresh;
        }
        Interlocked.CompareExchange(ref _head, next, full);
        return next;
    }

    /// <summary>
    /// Consumer only, on finding the queue empty: a large segment is dropped so an idle actor stays light.
    /// Claims are closed atomically (only if every claimed slot was consumed), then head and tail cleared.
    /// </summary>
    private void RetireIfLarge(Segment segment, int consumed)
    {
        if (segment.Slots.Length <= InitialSegmentSize) return;
        // Only the head can be retired: a segment the consumer reached through Next may not be the head yet,
        // and a producer about to make it the head would then hand out claims on a dead segment.
        if (!ReferenceEquals(Volatile.Read(ref _head), segment)) return;
        if (Interlocked.CompareExchange(ref segment.Reserved, Retired, consumed) != consumed) return; // a producer just claimed
        Volatile.Write(ref _tail, null);
        Interlocked.CompareExchange(ref _head, null, segment);
    }

    private sealed class Segment(int size)
    {
        public readonly Slot[] Slots = new Slot[size];
        public int Reserved; // slots handed out; past the length means full (or retired)
        public int Consumed; // consumer only
        public Segment? Next;
    }

    private struct Slot
    {
        public object? Message;
        public IActorRef? Sender;
        public int Published;
    }
}
