using System.Globalization;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Csv;
using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Data.Settings;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Research.Settings;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Evaluation;

/// <summary>
/// Research bars from the node's data: the Parquet lakehouse, the bundled CSV samples (daily) or the deterministic
/// synthetic generator, through the same Data providers the sleeves' panel loader reads (Research does not depend on
/// Trading, so the choice is made here). <see cref="ResearchDataSourceKind.Auto"/> takes the lakehouse when it holds every
/// symbol and else the samples; a source that lacks symbols fails naming them and the fix, never silently swapping data
/// under a pinned run.
/// </summary>
public sealed class StoredDataSource : IResearchDataSource
{
    private static readonly DateOnly SyntheticFrom = new(2010, 1, 1);
    private static readonly DateOnly SyntheticTo = new(2019, 12, 31);
    private readonly ResearchDataSettings _settings;
    private readonly string? _lakehouseDir;
    private readonly CsvMarketDataProvider? _csv;
    private readonly SyntheticMarketDataProvider _synthetic;
    private readonly string _exchange;

    /// <param name="settings">Source, symbols and range.</param>
    /// <param name="lakehouseDir">The lakehouse root (null or missing = none).</param>
    /// <param name="csvDir">The directory of the CSV samples (null or missing = none).</param>
    /// <param name="defaultExchange">The exchange bare tickers are listed under.</param>
    /// <param name="syntheticSeed">Seed of the synthetic generator.</param>
    public StoredDataSource(ResearchDataSettings settings, string? lakehouseDir, string? csvDir, string defaultExchange = Exchanges.Nyse, long syntheticSeed = 42)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultExchange);
        if (settings.Source == ResearchDataSourceKind.Planted)
            throw new ArgumentException("The planted market is not stored data. Fix: use PlantedDataSource (ResearchServices.DataSourceFor picks it).", nameof(settings));
        _settings = settings;
        _lakehouseDir = lakehouseDir is not null && Directory.Exists(lakehouseDir) ? lakehouseDir : null;
        _csv = csvDir is not null && Directory.Exists(csvDir) ? new CsvMarketDataProvider(csvDir, defaultExchange) : null;
        _synthetic = new SyntheticMarketDataProvider(syntheticSeed);
        _exchange = defaultExchange.Trim().ToUpperInvariant();
        Symbols = [.. settings.Symbols.Select(ParseSymbol)];
        Description = string.Create(CultureInfo.InvariantCulture,
            $"{settings.Source.ToString().ToLowerInvariant()} data, {Symbols.Count} symbols, {settings.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "start"}..{settings.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "end"}");
    }

    /// <summary>The data settings of a node: lakehouse and CSV directories, exchange and synthetic seed.</summary>
    public StoredDataSource(ResearchDataSettings settings, DataSettings data)
        : this(settings, (data ?? throw new ArgumentNullException(nameof(data))).LakehouseDir, data.CsvDir, data.CsvDefaultExchange, data.SyntheticSeed)
    {
    }

    public string Description { get; }

    public IReadOnlyList<Symbol> Symbols { get; }

    public async Task<BarPanel> LoadAsync(IStrategy strategy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var timeframe = strategy.Requirements.Timeframe;
        var from = _settings.From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MinValue;
        var to = _settings.To is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MaxValue;
        var source = _settings.Source;
        Dictionary<Symbol, IReadOnlyList<Bar>>? bars = null;
        var skipped = new List<string>();
        if (source is ResearchDataSourceKind.Auto or ResearchDataSourceKind.Lakehouse)
        {
            var (read, reason) = ReadLakehouse(timeframe, from, to);
            if (read is null && source == ResearchDataSourceKind.Lakehouse)
                throw new ResearchDataException($"Research data for {strategy.Name}: lakehouse: {reason}. Fix: ingest those bars (actortrader ingest), or set actortrader.research.data.source = auto.");
            bars = read;
            if (read is null) skipped.Add("lakehouse: " + reason);
        }
        if (bars is null && source is ResearchDataSourceKind.Auto or ResearchDataSourceKind.Csv)
        {
            var (read, reason) = await ReadCsvAsync(timeframe, from, to, cancellationToken).ConfigureAwait(false);
            if (read is null && source == ResearchDataSourceKind.Csv)
                throw new ResearchDataException($"Research data for {strategy.Name}: csv: {reason}. Fix: list tickers the samples hold (data/samples/README.md) in actortrader.research.data.symbols.");
            bars = read;
            if (read is null) skipped.Add("csv: " + reason);
        }
        if (source == ResearchDataSourceKind.Synthetic) bars = await ReadSyntheticAsync(timeframe, cancellationToken).ConfigureAwait(false);
        if (bars is null)
        {
            throw new ResearchDataException(
                $"Research data for {strategy.Name}: no source holds every symbol ({string.Join("; ", skipped)}). Fix: ingest the symbols, list ones the samples hold, or set actortrader.research.data.source = synthetic or planted.");
        }
        return BarPanel.FromBars(timeframe, bars);
    }

    private (Dictionary<Symbol, IReadOnlyList<Bar>>? Bars, string Reason) ReadLakehouse(Timeframe timeframe, DateTimeOffset from, DateTimeOffset to)
    {
        if (_lakehouseDir is null) return (null, "no lakehouse directory");
        var store = new ParquetBarStore(new LakehouseLayout(_lakehouseDir));
        var missing = Symbols.Where(s => store.Describe(s, timeframe) is null).ToList();
        if (missing.Count > 0) return (null, $"no {timeframe} partition for {Describe(missing)}");
        var bars = new Dictionary<Symbol, IReadOnlyList<Bar>>();
        foreach (var symbol in Symbols)
        {
            try
            {
                bars[symbol] = store.Read(symbol, timeframe, from == DateTimeOffset.MinValue ? null : from, to == DateTimeOffset.MaxValue ? null : to);
            }
            catch (CorruptPartitionException e)
            {
                return (null, $"the partition of {symbol} cannot be read ({e.Message})");
            }
        }
        var empty = Symbols.Where(s => bars[s].Count == 0).ToList();
        return empty.Count > 0 ? (null, $"no {timeframe} bars in the range for {Describe(empty)}") : (bars, "");
    }

    private async Task<(Dictionary<Symbol, IReadOnlyList<Bar>>? Bars, string Reason)> ReadCsvAsync(Timeframe timeframe, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        if (_csv is null) return (null, "no sample directory");
        if (timeframe != Timeframe.Day1) return (null, $"the samples hold daily bars, not {timeframe}");
        var held = (await _csv.GetSymbolsAsync(Symbols, cancellationToken).ConfigureAwait(false)).Select(m => m.Symbol).ToHashSet();
        var missing = Symbols.Where(s => !held.Contains(s)).ToList();
        if (missing.Count > 0) return (null, $"{_csv.Directory} has no prices for {Describe(missing)}");
        var bars = new Dictionary<Symbol, IReadOnlyList<Bar>>();
        foreach (var symbol in Symbols)
            bars[symbol] = await _csv.GetBarsAsync(new BarRequest(symbol, timeframe, from, to), cancellationToken).ConfigureAwait(false);
        var empty = Symbols.Where(s => bars[s].Count == 0).ToList();
        return empty.Count > 0 ? (null, $"no bars in the range for {Describe(empty)}") : (bars, "");
    }

    private async Task<Dictionary<Symbol, IReadOnlyList<Bar>>> ReadSyntheticAsync(Timeframe timeframe, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset((_settings.From ?? SyntheticFrom).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset((_settings.To ?? SyntheticTo).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var bars = new Dictionary<Symbol, IReadOnlyList<Bar>>();
        foreach (var symbol in Symbols)
        {
            try
            {
                bars[symbol] = await _synthetic.GetBarsAsync(new BarRequest(symbol, timeframe, from, to), cancellationToken).ConfigureAwait(false);
            }
            catch (MarketDataException e)
            {
                throw new ResearchDataException($"Research data: the synthetic generator cannot make {timeframe} bars of {symbol}: {e.Message}", e);
            }
        }
        return bars;
    }

    private Symbol ParseSymbol(string text)
    {
        if (!text.Contains(':', StringComparison.Ordinal)) return new Symbol(_exchange, text.Trim().ToUpperInvariant());
        return Symbol.TryParse(text, out var symbol, out var error)
            ? symbol
            : throw new ArgumentException($"actortrader.research.data.symbols: \"{text}\" is not a symbol ({error}). Fix: write a ticker or EXCHANGE:TICKER.", nameof(text));
    }

    private static string Describe(List<Symbol> symbols) =>
        string.Join(", ", symbols.Take(10)) + (symbols.Count > 10 ? $" and {symbols.Count - 10} more" : "");
}
