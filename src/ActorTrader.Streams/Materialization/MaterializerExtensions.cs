using ActorTrader.Actors;

namespace ActorTrader.Streams;

/// <summary><c>system.Materializer()</c>, as in Akka.Streams.</summary>
public static class MaterializerExtensions
{
    /// <summary>The system's shared materializer (created on first use, shut down with the system).</summary>
    public static ActorMaterializer Materializer(this ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension(s => new DefaultMaterializer(ActorMaterializer.Create(s))).Materializer;
    }

    private sealed class DefaultMaterializer(ActorMaterializer materializer) : IExtension
    {
        public ActorMaterializer Materializer { get; } = materializer;
    }
}
