namespace ActorTrader.Streams;

/// <summary>Stops a running stream from outside (Akka.Streams' <c>IKillSwitch</c>).</summary>
public interface IKillSwitch
{
    /// <summary>Completes the stream downstream of the switch and cancels it upstream.</summary>
    void Shutdown();

    /// <summary>Fails the stream downstream of the switch with <paramref name="cause"/> and cancels it upstream.</summary>
    void Abort(Exception cause);
}
