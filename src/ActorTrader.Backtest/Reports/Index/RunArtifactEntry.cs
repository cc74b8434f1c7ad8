namespace ActorTrader.Backtest.Reports;

/// <summary>One file of a run directory: its path relative to the directory ('/'-separated), size and description (null when unknown).</summary>
public sealed record RunArtifactEntry(string RelativePath, long SizeBytes, string? Description);
