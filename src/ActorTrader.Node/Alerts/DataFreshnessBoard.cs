using System.Collections.Concurrent;
using ActorTrader.Hosting.Alerts;

namespace ActorTrader.Node.Alerts;

/// <summary>
/// The newest bar seen from each market-data source and how old it was when it arrived. Age is measured in the clock
/// the data came with (a replay's virtual clock, else the wall clock), so a replay's old dates are not stale. A source
/// is stale when its newest bar was older than the threshold when it arrived: the provider had nothing newer.
/// </summary>
internal sealed class DataFreshnessBoard(TimeSpan staleAfter)
{
    private readonly ConcurrentDictionary<string, DataFreshnessView> _sources = new(StringComparer.Ordinal);

    public TimeSpan StaleAfter { get; } = staleAfter;

    /// <summary>Records bars of <paramref name="source"/> whose newest is <paramref name="newestBarAt"/>, received at <paramref name="receivedAt"/>; returns the view (stale or not).</summary>
    public DataFreshnessView Record(string source, DateTimeOffset? newestBarAt, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        var age = newestBarAt is { } at ? Math.Max(0, (receivedAt - at).TotalSeconds) : (double?)null;
        var view = new DataFreshnessView(source, newestBarAt, age, age is null || age > StaleAfter.TotalSeconds);
        _sources[source] = view;
        return view;
    }

    public IReadOnlyList<DataFreshnessView> Snapshot() => [.. _sources.Values.OrderBy(v => v.Source, StringComparer.Ordinal)];
}
