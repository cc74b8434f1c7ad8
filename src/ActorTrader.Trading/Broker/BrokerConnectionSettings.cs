namespace ActorTrader.Trading.Broker;

/// <summary>actortrader.trading.broker-connection: how the broker actor reconnects and how long commands wait for it.</summary>
/// <param name="MinBackoff">First delay before reconnecting after a failure; doubles per failure.</param>
/// <param name="MaxBackoff">Longest delay between reconnects.</param>
/// <param name="RandomFactor">Jitter added to each delay (0 = none, 0.2 = up to 20 % more).</param>
/// <param name="ResetBackoff">A connection that lasted this long resets the delay to <see cref="MinBackoff"/>.</param>
/// <param name="MaxBuffered">Most commands waiting or in flight; beyond it a command is refused at once (not sent).</param>
/// <param name="BufferTimeout">A command waiting this long for the connection is answered "not sent".</param>
/// <param name="MaxInFlight">
/// Calls made at once. 1 (the default) keeps the broker's view in arrival order — a cancel-all is done before the
/// close-all sent after it; more trades that order for throughput.
/// </param>
public sealed record BrokerConnectionSettings(
    TimeSpan MinBackoff,
    TimeSpan MaxBackoff,
    double RandomFactor,
    TimeSpan ResetBackoff,
    int MaxBuffered,
    TimeSpan BufferTimeout,
    int MaxInFlight = 1)
{
    public static BrokerConnectionSettings Default { get; } = new(
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 0.2, TimeSpan.FromSeconds(60), 10_000, TimeSpan.FromSeconds(30), 1);
}
