namespace ActorTrader.Persistence;

/// <summary>
/// The delivery state of an <see cref="AtLeastOnceDeliveryReceiveActor"/> (Akka's snapshot): save it with the actor's own
/// snapshot and hand it back with <c>SetDeliverySnapshot</c> on recovery. Serializable by <see cref="Serialization.EventSerializer"/>
/// when every unconfirmed message type is registered.
/// </summary>
public sealed record AtLeastOnceDeliverySnapshot(long CurrentDeliveryId, IReadOnlyList<UnconfirmedDelivery> UnconfirmedDeliveries);
