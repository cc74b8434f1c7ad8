namespace ActorTrader.Research.Fitness;

/// <summary>
/// A pinned window that does not fit the data it is used with: a symbol missing from the panel, a range without bars, or
/// a data fingerprint that differs from the panel's (the prices changed since the run was pinned).
/// </summary>
public sealed class PinnedWindowException(string message) : ArgumentException(message);
