using ActorTrader.Streams.Implementation;

namespace ActorTrader.Streams;

/// <summary>Creates kill switches (Akka.Streams' <c>KillSwitches</c>).</summary>
public static class KillSwitches
{
    /// <summary>A flow that materializes a switch for this one stream: <c>.ViaMaterialized(KillSwitches.Single&lt;T&gt;(), Keep.Right)</c>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Akka.Streams' name: KillSwitches.Single.")]
    public static Flow<T, T, UniqueKillSwitch> Single<T>() =>
        new((upstream, materializer, attributes) =>
        {
            var killSwitch = new UniqueKillSwitch(new KillSignal());
            return (KillSwitchStage.Connect(upstream, killSwitch.Signal, materializer, Supervise.StageName(attributes, "KillSwitch")), killSwitch);
        });

    public static SharedKillSwitch Shared(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new SharedKillSwitch(name);
    }
}
