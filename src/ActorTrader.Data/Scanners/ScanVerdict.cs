using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Scanners;

/// <summary>Whether one symbol passed a scanner; <see cref="FailedFilter"/> names the first filter it failed and why.</summary>
public sealed record ScanVerdict(Symbol Symbol, AssetProfile Profile, ScanMetrics Metrics, string? FailedFilter)
{
    public bool Passed => FailedFilter is null;
}
