namespace ActorTrader.Persistence;

/// <summary>A message sent but not confirmed yet; <see cref="Destination"/> is the actor path without address (<c>/user/ledger</c>).</summary>
public sealed record UnconfirmedDelivery(long DeliveryId, string Destination, object Message);
