namespace ActorTrader.Trading.Universe;

/// <summary>How many of the requested symbols the universe allowed at the close of the bar starting at <paramref name="Time"/> (UTC).</summary>
public sealed record UniverseDecision(DateTimeOffset Time, int Allowed);
