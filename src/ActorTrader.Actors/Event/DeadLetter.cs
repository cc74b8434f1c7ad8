namespace ActorTrader.Actors;

/// <summary>Published on the event stream for every message that could not be delivered.</summary>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient)
{
    public override string ToString() =>
        $"Message [{Message.GetType().Name}] from {Sender?.ToString() ?? "NoSender"} to {Recipient} was not delivered.";
}
