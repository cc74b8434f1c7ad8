namespace ActorTrader.Streams;

/// <summary>The kill switch of one materialized stream, from <see cref="KillSwitches.Single{T}"/>. Only the first Shutdown or Abort counts.</summary>
public sealed class UniqueKillSwitch : IKillSwitch
{
    internal UniqueKillSwitch(KillSignal signal)
    {
        Signal = signal;
    }

    internal KillSignal Signal { get; }

    public void Shutdown() => Signal.Shutdown();

    public void Abort(Exception cause) => Signal.Abort(cause);
}
