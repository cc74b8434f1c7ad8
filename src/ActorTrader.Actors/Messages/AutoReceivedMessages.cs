namespace ActorTrader.Actors;

/// <summary>Messages the runtime handles itself before the actor's behaviour sees them.</summary>
public interface IAutoReceivedMessage;

/// <summary>Marks messages that do not reset an actor's receive timeout.</summary>
public interface INotInfluenceReceiveTimeout;

/// <summary>Stops the actor when processed, after the messages queued before it (graceful stop).</summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    public static readonly PoisonPill Instance = new();

    private PoisonPill() { }

    public override string ToString() => "<PoisonPill>";
}

/// <summary>Makes the actor fail with <see cref="ActorKilledException"/> when processed; its supervisor decides (default: stop).</summary>
public sealed class Kill : IAutoReceivedMessage
{
    public static readonly Kill Instance = new();

    private Kill() { }

    public override string ToString() => "<Kill>";
}

/// <summary>Delivered once to each watcher when a watched actor has stopped.</summary>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated)
    : IAutoReceivedMessage, IDeadLetterSuppression
{
    public override string ToString() => $"<Terminated>: {ActorRef} - ExistenceConfirmed={ExistenceConfirmed}";
}

/// <summary>Asks any actor for its reference; answered with <see cref="ActorIdentity"/> by the runtime.</summary>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage, INotInfluenceReceiveTimeout;

/// <summary>The answer to <see cref="Identify"/>; <see cref="Subject"/> is null when no actor lives there.</summary>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);

/// <summary>Sent to an actor that set a receive timeout and received nothing for that long.</summary>
public sealed class ReceiveTimeout : IPossiblyHarmful
{
    public static readonly ReceiveTimeout Instance = new();

    private ReceiveTimeout() { }

    public override string ToString() => "<ReceiveTimeout>";
}

/// <summary>Marks messages that would be harmful if sent to remote or stale recipients.</summary>
public interface IPossiblyHarmful;

/// <summary>Messages that are not worth logging when they end in dead letters.</summary>
public interface IDeadLetterSuppression;
