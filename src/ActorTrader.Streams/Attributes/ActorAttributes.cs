using ActorTrader.Streams.Supervision;

namespace ActorTrader.Streams;

/// <summary>Attributes about how stages run (Akka.Streams' <c>ActorAttributes</c>).</summary>
public static class ActorAttributes
{
    /// <summary>The decider applied when a user function throws.</summary>
    public sealed record SupervisionStrategy(Decider Decider) : Attributes.IAttribute;

    /// <summary><c>.WithAttributes(ActorAttributes.CreateSupervisionStrategy(Deciders.ResumingDecider))</c>.</summary>
    public static Attributes CreateSupervisionStrategy(Decider decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        return Attributes.Create(new SupervisionStrategy(decider));
    }
}
