namespace ActorTrader.Benchmarks.Persistence;

/// <summary>The snapshot of every snapshot figure: a ledger-like state of 20 positions (about 1 KB of JSON).</summary>
internal sealed record BenchState(long Count, decimal Cash, IReadOnlyDictionary<string, decimal> Positions)
{
    public const string Manifest = "bench-state";

    public static BenchState Sample { get; } = new(
        1,
        1_000_000.25m,
        Enumerable.Range(0, 20).ToDictionary(i => $"SYM{i:00}", i => 100m * i + 0.5m));
}
