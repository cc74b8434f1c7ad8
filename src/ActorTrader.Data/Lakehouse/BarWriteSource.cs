namespace ActorTrader.Data.Lakehouse;

/// <summary>Where written bars came from; stored in each file's metadata (synthetic data stays marked as such).</summary>
public sealed record BarWriteSource(string Provider, bool IsSynthetic, string RunId);
