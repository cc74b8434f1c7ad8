namespace ActorTrader.Trading.Day;

/// <summary>What became of one cancel a rebalance asked for: requested at the broker, or refused, with the reason.</summary>
public sealed record CancelSubmission(string ClientOrderId, bool Requested, string? Reason = null);
