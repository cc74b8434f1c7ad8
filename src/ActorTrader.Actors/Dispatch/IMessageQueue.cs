namespace ActorTrader.Actors.Dispatch;

/// <summary>
/// The user-message queue of one mailbox: many producers, one consumer (the actor's current turn).
/// </summary>
public interface IMessageQueue
{
    /// <summary>Queues the envelope; returns false when a bounded queue stayed full for its push timeout.</summary>
    bool TryEnqueue(in Envelope envelope);

    bool TryDequeue(out Envelope envelope);

    bool HasMessages { get; }

    /// <summary>Approximate number of queued messages (for monitoring).</summary>
    int Count { get; }
}
