namespace ActorTrader.Trading.Day;

/// <summary>What became of one submitted intent: accepted (journaled, on its way to the broker) or refused, with the reason.</summary>
public sealed record IntentSubmission(string ClientOrderId, bool Accepted, string? Reason = null);
