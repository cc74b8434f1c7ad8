using ActorTrader.Persistence.Serialization;

namespace ActorTrader.Persistence.Tests.Support;

/// <summary>The event persisted by the test actors.</summary>
public sealed record Appended(string Value);

/// <summary>The snapshot of <see cref="RecorderActor"/>.</summary>
public sealed record RecorderSnapshot(IReadOnlyList<string> Values);

/// <summary>A message delivered at least once, and its confirmation.</summary>
public sealed record DeliveryRequested(string Payload);

public sealed record Delivered(long DeliveryId, string Payload);

public sealed record DeliveryConfirmed(long DeliveryId);

/// <summary>An event type nobody registered: persisting it is rejected.</summary>
public sealed record Unregistered(string Value);

public static class TestEvents
{
    public const string AppendedManifest = "test-appended";

    /// <summary>A serializer with every test type registered.</summary>
    public static EventSerializer Serializer() => new EventSerializer()
        .Register<Appended>(AppendedManifest)
        .Register<RecorderSnapshot>("test-recorder-snapshot")
        .Register<DeliveryRequested>("test-delivery-requested")
        .Register<DeliveryConfirmed>("test-delivery-confirmed")
        .Register<Delivered>("test-delivered");
}
