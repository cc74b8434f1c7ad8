namespace ActorTrader.Research.Bandit;

/// <summary>The bandit's journaled table: every recorded cell, ordered by regime then region (ordinal).</summary>
public sealed record BanditState(IReadOnlyList<BanditCell> Cells);
