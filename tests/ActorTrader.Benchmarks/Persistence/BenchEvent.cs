namespace ActorTrader.Benchmarks.Persistence;

/// <summary>The persisted event of every figure: the size and shape of a small trading event (a fill).</summary>
internal sealed record BenchEvent(string Symbol, decimal Price, long Quantity, long Sequence)
{
    public const string Manifest = "bench-event";

    public static BenchEvent Sample(long sequence) => new("AAPL", 187.25m + (sequence % 100) / 100m, 100 + (sequence % 7), sequence);
}
