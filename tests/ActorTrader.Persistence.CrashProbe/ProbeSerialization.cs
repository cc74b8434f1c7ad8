using ActorTrader.Persistence.Serialization;

namespace ActorTrader.Persistence.CrashProbe;

/// <summary>The probe's event and snapshot types under stable manifests; the tests read the journal with the same registrations.</summary>
public static class ProbeSerialization
{
    public static EventSerializer CreateSerializer() =>
        new EventSerializer()
            .Register<ValueAppended>(ValueAppended.Manifest)
            .Register<ProbeState>(ProbeState.Manifest);
}
