namespace ActorTrader.Persistence;

/// <summary>actortrader.persistence.at-least-once-delivery: Akka's redelivery settings.</summary>
public sealed record AtLeastOnceDeliverySettings
{
    /// <summary>How long an unconfirmed delivery waits before it is sent again.</summary>
    public TimeSpan RedeliverInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Most unconfirmed deliveries redelivered per check.</summary>
    public int RedeliveryBurstLimit { get; init; } = 10_000;

    /// <summary>After this many attempts an <see cref="UnconfirmedWarning"/> is sent to the actor.</summary>
    public int WarnAfterNumberOfUnconfirmedAttempts { get; init; } = 5;

    /// <summary>Deliver throws <see cref="MaxUnconfirmedMessagesExceededException"/> beyond this many unconfirmed messages.</summary>
    public int MaxUnconfirmedMessages { get; init; } = 100_000;
}
