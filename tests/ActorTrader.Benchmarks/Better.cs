namespace ActorTrader.Benchmarks;

/// <summary>Which direction of a figure (and of its ratio to the baseline) is an improvement.</summary>
internal enum Better
{
    Higher,
    Lower,
}
