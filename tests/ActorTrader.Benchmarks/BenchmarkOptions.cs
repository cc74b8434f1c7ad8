namespace ActorTrader.Benchmarks;

/// <summary>How a suite runs: <see cref="Quick"/> trades precision for time; <see cref="Json"/> only affects output.</summary>
internal sealed record BenchmarkOptions(bool Quick, bool Json)
{
    public static BenchmarkOptions Default { get; } = new(Quick: false, Json: false);

    public string Mode => Quick ? "quick" : "full";
}
