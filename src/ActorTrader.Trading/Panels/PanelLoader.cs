using System.Globalization;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Csv;
using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Trading.Panels;

/// <summary>
/// Loads a sleeve's <see cref="BarPanel"/> from the first source that holds every symbol of the request — the lakehouse,
/// then the bundled CSV samples, then the synthetic generator (deterministic in seed and symbol) — or from the one source
/// the request forces. Which source was used, and why the others were passed over, comes back with the panel. A forced
/// source that lacks symbols fails with <see cref="PanelLoadException"/> naming them and the fix.
/// </summary>
public sealed class PanelLoader
{
    // Stored sources without an end read everything up to this instant and keep the newest bars.
    private static readonly DateTimeOffset FarFuture = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FarPast = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly PanelDataSources _sources;
    private readonly CsvMarketDataProvider? _csv;
    private readonly SyntheticMarketDataProvider _synthetic;

    /// <summary>A loader over <paramref name="sources"/>; the CSV files are read once, on first use, and kept (the provider caches them).</summary>
    public PanelLoader(PanelDataSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = sources;
        _csv = sources.CsvDirectory is { } directory ? new CsvMarketDataProvider(directory, sources.CsvExchange) : null;
        _synthetic = new SyntheticMarketDataProvider(sources.SyntheticSeed);
    }

    /// <summary>The directory the loader names its sources relative to (<see cref="PanelDataSources.WorkingDirectory"/>).</summary>
    public string WorkingDirectory => _sources.WorkingDirectory;

    public async Task<LoadedPanel> LoadAsync(PanelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Symbols.Count == 0) throw new ArgumentException("The request names no symbols; a sleeve universe needs at least one.", nameof(request));
        if (request.From is null && request.LookbackBars is null)
            throw new ArgumentException("The request has neither a start (From) nor a lookback in bars; give one so the window is bounded.", nameof(request));
        if (request.LookbackBars is < 2) throw new ArgumentException($"LookbackBars = {request.LookbackBars}; a panel needs at least 2 bars to give one return.", nameof(request));
        var duplicate = request.Symbols.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Symbol {duplicate.Key} is listed twice in the universe; list each symbol once.", nameof(request));

        var skipped = new List<string>();
        if (request.Source is PanelSourceKind.Auto or PanelSourceKind.Lakehouse)
        {
            var (bars, reason, missing) = ReadLakehouse(request);
            if (bars is not null) return Build(request, bars, PanelSourceKind.Lakehouse, false, Named(_sources.LakehouseLocation ?? "lakehouse"), skipped);
            if (request.Source == PanelSourceKind.Lakehouse)
            {
                throw new PanelLoadException(
                    $"lakehouse: {reason}. Fix: ingest the {request.Timeframe} bars of {string.Join(", ", missing)} (actortrader ingest), or set universe.source = auto to fall back to the bundled samples and then synthetic data.",
                    missing);
            }
            skipped.Add("lakehouse: " + reason);
        }
        if (request.Source is PanelSourceKind.Auto or PanelSourceKind.Csv)
        {
            var (bars, reason, missing) = await ReadCsvAsync(request, cancellationToken).ConfigureAwait(false);
            if (bars is not null) return Build(request, bars, PanelSourceKind.Csv, false, Named(_csv!.Directory), skipped);
            if (request.Source == PanelSourceKind.Csv)
            {
                throw new PanelLoadException(
                    $"csv: {reason}. Fix: list only tickers the bundled samples hold (see data/samples/README.md), add their price files to the csv directory (actortrader.data.csv.dir), or set universe.source = auto.",
                    missing);
            }
            skipped.Add("csv: " + reason);
        }
        var synthetic = await ReadSyntheticAsync(request, cancellationToken).ConfigureAwait(false);
        return Build(request, synthetic, PanelSourceKind.Synthetic, true, "seed " + _sources.SyntheticSeed.ToString(CultureInfo.InvariantCulture), skipped);
    }

    private (Dictionary<Symbol, IReadOnlyList<Bar>>? Bars, string Reason, IReadOnlyList<string> Missing) ReadLakehouse(PanelRequest request)
    {
        if (_sources.Lakehouse is not { } store) return (null, "no lakehouse directory is configured or present", Names(request.Symbols));
        var missing = request.Symbols.Where(s => store.Describe(s, request.Timeframe) is null).ToList();
        if (missing.Count > 0) return (null, $"no {request.Timeframe} partition for {Describe(missing)}", Names(missing));
        var (from, to) = StoredWindow(request);
        var bars = new Dictionary<Symbol, IReadOnlyList<Bar>>();
        foreach (var symbol in request.Symbols)
        {
            IReadOnlyList<Bar> read;
            try
            {
                read = store.Read(symbol, request.Timeframe, from, to);
            }
            catch (CorruptPartitionException e)
            {
                return (null, $"the partition of {symbol} cannot be read ({e.Message})", [symbol.ToString()]);
            }
            bars[symbol] = read;
        }
        var empty = request.Symbols.Where(s => bars[s].Count == 0).ToList();
        return empty.Count > 0 ? (null, $"no {request.Timeframe} bars in the window for {Describe(empty)}", Names(empty)) : (bars, "", []);
    }

    private async Task<(Dictionary<Symbol, IReadOnlyList<Bar>>? Bars, string Reason, IReadOnlyList<string> Missing)> ReadCsvAsync(PanelRequest request, CancellationToken cancellationToken)
    {
        if (_csv is not { } provider) return (null, "no bundled sample directory is configured or present", Names(request.Symbols));
        if (request.Timeframe != Timeframe.Day1) return (null, $"the samples hold daily bars only, not {request.Timeframe}", Names(request.Symbols));
        var directory = Named(provider.Directory);
        var held = (await provider.GetSymbolsAsync(request.Symbols, cancellationToken).ConfigureAwait(false)).Select(m => m.Symbol).ToHashSet();
        var missing = request.Symbols.Where(s => !held.Contains(s)).ToList();
        if (missing.Count > 0) return (null, $"{directory} has no prices for {Describe(missing)}", Names(missing));
        var (from, to) = StoredWindow(request);
        var bars = new Dictionary<Symbol, IReadOnlyList<Bar>>();
        foreach (var symbol in request.Symbols)
            bars[symbol] = await provider.GetBarsAsync(new BarRequest(symbol, request.Timeframe, from ?? FarPast, to ?? FarFuture), cancellationToken).ConfigureAwait(false);
        var empty = request.Symbols.Where(s => bars[s].Count == 0).ToList();
        return empty.Count > 0 ? (null, $"no bars in the window for {Describe(empty)}", Names(empty)) : (bars, "", []);
    }

    private async Task<Dictionary<Symbol, IReadOnlyList<Bar>>> ReadSyntheticAsync(PanelRequest request, CancellationToken cancellationToken)
    {
        var provider = _synthetic;
        var end = request.To ?? new DateTimeOffset(_sources.Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var start = request.From ?? end - Span(request.LookbackBars!.Value, request.Timeframe);
        var bars = new Dictionary<Symbol, IReadOnlyList<Bar>>();
        foreach (var symbol in request.Symbols)
        {
            try
            {
                bars[symbol] = await provider.GetBarsAsync(new BarRequest(symbol, request.Timeframe, start, end), cancellationToken).ConfigureAwait(false);
            }
            catch (MarketDataException e)
            {
                throw new PanelLoadException(
                    $"synthetic: cannot generate {request.Timeframe} bars for {symbol}: {e.Message} Fix: use a symbol on an exchange with a calendar (e.g. NYSE:XYZ, CRYPTO:BTC/USD).",
                    [symbol.ToString()], e);
            }
        }
        var empty = request.Symbols.Where(s => bars[s].Count == 0).ToList();
        if (empty.Count > 0)
        {
            throw new PanelLoadException(
                string.Create(CultureInfo.InvariantCulture,
                    $"synthetic: no bars between {start:yyyy-MM-dd} and {end:yyyy-MM-dd} for {Describe(empty)}. Fix: move the window inside {SyntheticMarketDataProvider.FirstDate:yyyy-MM-dd}..{SyntheticMarketDataProvider.LastDate:yyyy-MM-dd}."),
                Names(empty));
        }
        return bars;
    }

    // Without an explicit start, a stored source reads from a bound far enough back for the lookback (or everything).
    private static (DateTimeOffset? From, DateTimeOffset? To) StoredWindow(PanelRequest request) =>
        (request.From ?? (request.To is { } to && request.LookbackBars is { } n ? to - Span(n, request.Timeframe) : null), request.To);

    /// <summary>A calendar span that holds at least <paramref name="bars"/> bars of an exchange that trades 5 days a week.</summary>
    private static TimeSpan Span(int bars, Timeframe timeframe) =>
        timeframe == Timeframe.Minute1
            ? TimeSpan.FromDays(Math.Ceiling(bars / 390.0) * 1.6 + 5)
            : TimeSpan.FromDays(Math.Ceiling(bars * 1.6) + 20);

    private static LoadedPanel Build(PanelRequest request, Dictionary<Symbol, IReadOnlyList<Bar>> bars, PanelSourceKind source, bool synthetic,
        string location, List<string> skipped)
    {
        if (request.LookbackBars is { } n)
        {
            var times = bars.Values.SelectMany(b => b).Select(b => b.Timestamp).Distinct().Order().ToList();
            if (times.Count > n)
            {
                var cutoff = times[^n];
                foreach (var symbol in bars.Keys.ToList()) bars[symbol] = bars[symbol].Where(b => b.Timestamp >= cutoff).ToList();
            }
        }
        var panel = BarPanel.FromBars(request.Timeframe, bars);
        var coverage = panel.Symbols.Select(s => bars[s] is { Count: > 0 } b
                ? new SymbolCoverage(s.ToString(), b.Count, b[0].Timestamp, b[^1].Timestamp)
                : new SymbolCoverage(s.ToString(), 0, null, null))
            .ToList();
        return new LoadedPanel(panel, source, synthetic, location, skipped, coverage);
    }

    // A source directory as audits and messages name it: relative to the working directory when inside it.
    private string Named(string location) => RelativePaths.Under(location, _sources.WorkingDirectory);

    private static List<string> Names(IEnumerable<Symbol> symbols) => [.. symbols.Select(s => s.ToString())];

    private static string Describe(List<Symbol> symbols) =>
        string.Join(", ", symbols.Take(10)) + (symbols.Count > 10 ? $" and {symbols.Count - 10} more" : "");
}
