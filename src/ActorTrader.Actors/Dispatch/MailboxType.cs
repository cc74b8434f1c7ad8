namespace ActorTrader.Actors.Dispatch;

/// <summary>Makes the user-message queue for each new actor that asks for this mailbox.</summary>
public abstract class MailboxType
{
    public abstract IMessageQueue CreateQueue();
}

/// <summary>The default: unbounded, lock-free, FIFO.</summary>
public sealed class UnboundedMailbox : MailboxType
{
    public override IMessageQueue CreateQueue() => new UnboundedMessageQueue();
}

/// <summary>At most <see cref="Capacity"/> queued messages; overflow goes to dead letters after <see cref="PushTimeout"/>.</summary>
public sealed class BoundedMailbox : MailboxType
{
    public BoundedMailbox(int capacity, TimeSpan pushTimeout)
    {
        if (capacity <= 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A bounded mailbox needs a capacity of at least 1.");
        Capacity = capacity;
        PushTimeout = pushTimeout;
    }

    public int Capacity { get; }

    public TimeSpan PushTimeout { get; }

    public override IMessageQueue CreateQueue() => new BoundedMessageQueue(Capacity, PushTimeout);
}

/// <summary>Derive and implement <see cref="PriorityGenerator"/>: lower numbers are delivered first.</summary>
public abstract class UnboundedPriorityMailbox : MailboxType
{
    protected abstract int PriorityGenerator(object message);

    public override IMessageQueue CreateQueue() => new UnboundedPriorityMessageQueue(PriorityGenerator);
}
