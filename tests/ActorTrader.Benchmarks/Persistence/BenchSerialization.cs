using ActorTrader.Persistence.Serialization;

namespace ActorTrader.Benchmarks.Persistence;

/// <summary>The serializer of the persistence suite; the baselines write payloads it produced, so both sides store the same bytes.</summary>
internal static class BenchSerialization
{
    public static EventSerializer Create() =>
        new EventSerializer()
            .Register<BenchEvent>(BenchEvent.Manifest)
            .Register<BenchState>(BenchState.Manifest);
}
