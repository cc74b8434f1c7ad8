using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Scanners;

/// <summary>
/// Runs a linted scanner: resolves the universe through the provider's symbol metadata, reads each symbol's last
/// <see cref="ScannerDefinition.LookbackDays"/> daily bars (from the lakehouse when it is current, else from the
/// provider), evaluates the filters and ranks the passing symbols by average dollar volume. A symbol whose data
/// cannot be read is listed in <see cref="ScanResult.Errors"/>; the scan goes on.
/// </summary>
public sealed class ScanRunner(IMarketDataProvider provider, IBarStore? store, TimeProvider clock, int parallelism = 8)
{
    public async Task<ScanResult> RunAsync(ScannerDefinition scanner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        var asOf = clock.GetUtcNow();
        var universe = await ResolveUniverseAsync(scanner.Universe, cancellationToken).ConfigureAwait(false);
        var verdicts = new List<ScanVerdict>();
        var errors = new List<(Symbol, string)>(universe.Missing.Select(s => (s, $"{provider.Name} does not know {s}")));
        var gate = new object();
        await Parallel.ForEachAsync(universe.Known, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (metadata, ct) =>
        {
            try
            {
                var bars = await RecentBarsAsync(metadata.Symbol, scanner.LookbackDays, asOf, ct).ConfigureAwait(false);
                var listedOn = metadata.ListedOn ?? FirstStoredDate(metadata.Symbol);
                var verdict = ScannerEvaluator.Evaluate(scanner, metadata with { ListedOn = listedOn }, bars, asOf);
                lock (gate) verdicts.Add(verdict);
            }
            catch (Exception e) when (e is MarketDataException or CorruptPartitionException or IOException)
            {
                lock (gate) errors.Add((metadata.Symbol, e.Message));
            }
        }).ConfigureAwait(false);

        var passed = verdicts.Where(v => v.Passed)
            .OrderByDescending(v => v.Metrics.AvgDollarVolume ?? 0m).ThenBy(v => v.Symbol)
            .Take(scanner.Limit ?? int.MaxValue)
            .Select(v => new ScanCandidate(v.Symbol, v.Profile, scanner.Direction, v.Metrics.LastClose, v.Metrics.AvgDollarVolume, v.Metrics.Volatility, v.Metrics.Momentum, v.Metrics.ListingAgeDays))
            .ToList();
        var failedByFilter = verdicts.Where(v => !v.Passed)
            .GroupBy(v => v.FailedFilter![..v.FailedFilter!.IndexOf(':', StringComparison.Ordinal)])
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ScanResult(scanner, asOf, verdicts.Count, passed, failedByFilter, [.. errors.OrderBy(e => e.Item1)]);
    }

    private async Task<(IReadOnlyList<SymbolMetadata> Known, IReadOnlyList<Symbol> Missing)> ResolveUniverseAsync(ScannerUniverse universe, CancellationToken cancellationToken)
    {
        if (universe.Symbols.Count > 0)
        {
            var known = await provider.GetSymbolsAsync(universe.Symbols, cancellationToken).ConfigureAwait(false);
            var found = known.Select(m => m.Symbol).ToHashSet();
            return (known.Where(m => universe.Symbols.Contains(m.Symbol)).ToList(), universe.Symbols.Where(s => !found.Contains(s)).Distinct().ToList());
        }
        var all = await provider.GetSymbolsAsync(null, cancellationToken).ConfigureAwait(false);
        return (all.Where(m => (universe.Exchanges.Count == 0 || universe.Exchanges.Contains(m.Symbol.Exchange))
                            && (universe.Profiles.Count == 0 || universe.Profiles.Contains(m.Profile))).ToList(), []);
    }

    private async Task<IReadOnlyList<Bar>> RecentBarsAsync(Symbol symbol, int lookback, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        // Calendar days that hold `lookback` sessions with room for weekends and holidays.
        var from = asOf.AddDays(-(lookback * 7 / 5 + 10));
        if (store?.Describe(symbol, Timeframe.Day1) is { } info && asOf - info.LastBar < TimeSpan.FromDays(5))
        {
            var stored = store.Read(symbol, Timeframe.Day1, from, asOf);
            if (stored.Count >= lookback) return Last(stored, lookback);
        }
        var fetched = await provider.GetBarsAsync(new BarRequest(symbol, Timeframe.Day1, from, asOf), cancellationToken).ConfigureAwait(false);
        return Last(fetched, lookback);
    }

    private DateOnly? FirstStoredDate(Symbol symbol) =>
        store?.Describe(symbol, Timeframe.Day1) is { } info ? DateOnly.FromDateTime(info.FirstBar.UtcDateTime) : null;

    private static IReadOnlyList<Bar> Last(IReadOnlyList<Bar> bars, int count) =>
        bars.Count <= count ? bars : bars.Skip(bars.Count - count).ToList();
}
