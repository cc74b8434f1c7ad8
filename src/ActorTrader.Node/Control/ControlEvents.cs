using ActorTrader.Persistence.Serialization;

namespace ActorTrader.Node.Control;

/// <summary>Journaled: trading was halted. The first halt's reason is kept until a resume.</summary>
public sealed record NodeHalted(string Reason, string HaltedBy, DateTimeOffset At);

/// <summary>Journaled: trading was resumed by an operator.</summary>
public sealed record NodeResumed(DateTimeOffset At);

/// <summary>Journaled: the operator asked the halt that began at <see cref="HaltedAt"/> to close every position (halt --flatten).</summary>
public sealed record NodeFlattenRequested(DateTimeOffset HaltedAt, DateTimeOffset At);

/// <summary>The stable manifest names of the control actor's events; never rename one (old journals use it).</summary>
public static class ControlEvents
{
    public static EventSerializer Register(EventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return serializer
            .Register<NodeHalted>("node-halted")
            .Register<NodeResumed>("node-resumed")
            .Register<NodeFlattenRequested>("node-flatten-requested");
    }
}
