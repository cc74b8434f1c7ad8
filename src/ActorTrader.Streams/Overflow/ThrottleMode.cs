namespace ActorTrader.Streams;

/// <summary>What a throttle does with elements above its rate.</summary>
public enum ThrottleMode
{
    /// <summary>Delays them until the rate allows them.</summary>
    Shaping,

    /// <summary>Fails the stream with <see cref="RateExceededException"/>.</summary>
    Enforcing,
}
