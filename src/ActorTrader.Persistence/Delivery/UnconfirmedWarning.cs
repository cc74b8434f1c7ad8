namespace ActorTrader.Persistence;

/// <summary>Sent to the delivering actor when deliveries reached <c>warn-after-number-of-unconfirmed-attempts</c> without a confirmation.</summary>
public sealed record UnconfirmedWarning(IReadOnlyList<UnconfirmedDelivery> UnconfirmedDeliveries);
