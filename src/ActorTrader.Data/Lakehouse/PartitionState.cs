using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Lakehouse;

/// <summary>
/// What a partition directory holds, from its part files' footers only: the live parts (ascending by first bar,
/// with disjoint time ranges), the highest part number ever used there, and superseded files not yet deleted.
/// Immutable; a write swaps in a new state.
/// </summary>
internal sealed record PartitionState(
    PartitionKey Key,
    string Directory,
    IReadOnlyList<PartFile> Parts,
    int MaxNumber,
    IReadOnlyList<string> StaleFiles)
{
    public static PartitionState Empty(PartitionKey key, string directory) => new(key, directory, [], -1, []);

    public bool IsEmpty => Parts.Count == 0;

    public DateTimeOffset LastBar => Parts.Count == 0 ? DateTimeOffset.MinValue : Parts.Max(p => p.LastBar);

    public BarPartitionInfo? ToInfo()
    {
        if (Parts.Count == 0) return null;
        var newest = Parts.MaxBy(p => p.WrittenAt)!;
        return new BarPartitionInfo(
            Key.Symbol,
            Key.Timeframe,
            Parts[0].FirstBar,
            Parts.Max(p => p.LastBar),
            Parts.Sum(p => p.Rows),
            Parts.Count,
            Parts.Sum(p => p.Bytes),
            newest.WrittenAt,
            newest.Provider,
            Parts.Any(p => p.IsSynthetic));
    }

    /// <summary>The state after <paramref name="added"/> was written and the parts it supersedes were removed.</summary>
    public PartitionState With(PartFile added)
    {
        var gone = added.Supersedes.ToHashSet();
        var parts = Parts.Where(p => !gone.Contains(p.Number)).Append(added).OrderBy(p => p.FirstBar).ToArray();
        return this with { Parts = parts, MaxNumber = Math.Max(MaxNumber, added.Number), StaleFiles = [] };
    }

    internal static PartitionState Of(Symbol symbol, Timeframe timeframe, string directory, IReadOnlyList<PartFile> present)
    {
        var superseded = present.SelectMany(p => p.Supersedes).ToHashSet();
        var live = present.Where(p => !superseded.Contains(p.Number)).OrderBy(p => p.FirstBar).ToArray();
        var stale = present.Where(p => superseded.Contains(p.Number)).Select(p => p.Path).ToArray();
        return new PartitionState(new PartitionKey(symbol, timeframe), directory, live, present.Count == 0 ? -1 : present.Max(p => p.Number), stale);
    }
}
