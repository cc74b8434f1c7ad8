namespace ActorTrader.Actors.Dispatch;

/// <summary>Runs mailboxes. <see cref="Throughput"/> is how many messages an actor may process in one turn before yielding.</summary>
public abstract class MessageDispatcher
{
    protected MessageDispatcher(string id, int throughput)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (throughput < 1)
            throw new ArgumentOutOfRangeException(nameof(throughput), throughput, $"Dispatcher \"{id}\" needs a throughput of at least 1 message per turn.");
        Id = id;
        Throughput = throughput;
    }

    public string Id { get; }

    public int Throughput { get; }

    internal abstract void Execute(Mailbox mailbox);

    internal virtual void Attach(Mailbox mailbox, ActorPath actorPath) { }

    internal virtual void Detach(Mailbox mailbox) { }

    internal virtual void Shutdown() { }
}
