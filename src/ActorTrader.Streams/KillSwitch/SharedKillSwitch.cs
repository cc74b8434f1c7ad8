using ActorTrader.Streams.Implementation;

namespace ActorTrader.Streams;

/// <summary>
/// One switch for many streams (<see cref="KillSwitches.Shared"/>): put <see cref="Flow{T}"/> into each; Shutdown or
/// Abort stops all of them, including streams materialized after it was triggered.
/// </summary>
public sealed class SharedKillSwitch : IKillSwitch
{
    private readonly KillSignal _signal = new();

    internal SharedKillSwitch(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public void Shutdown() => _signal.Shutdown();

    public void Abort(Exception cause) => _signal.Abort(cause);

    /// <summary>A pass-through flow controlled by this switch.</summary>
    public Flow<T, T, SharedKillSwitch> Flow<T>() =>
        new((upstream, materializer, attributes) =>
            (KillSwitchStage.Connect(upstream, _signal, materializer, Supervise.StageName(attributes, $"KillSwitch({Name})")), this));

    public override string ToString() => $"SharedKillSwitch({Name})";
}
