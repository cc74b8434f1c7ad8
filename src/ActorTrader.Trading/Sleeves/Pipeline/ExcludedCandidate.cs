namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>A candidate (or strategy) left out of the sleeve: which, at which stage, and why.</summary>
public sealed record ExcludedCandidate(string Id, string Stage, string Reason)
{
    /// <summary><c>id (stage): reason</c>, the form <see cref="SleeveOutcome.Excluded"/> carries.</summary>
    public override string ToString() => $"{Id} ({Stage}): {Reason}";
}
