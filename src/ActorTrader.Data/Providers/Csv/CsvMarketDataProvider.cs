using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Providers.Csv;

/// <summary>
/// Daily bars from a directory of <c>.csv</c> / <c>.csv.gz</c> price files (layouts in <see cref="CsvFileParser"/>):
/// long OHLCV files per ticker and wide close-only tables (open = high = low = close, volume 0, trade count and
/// vwap 0 = unknown). Files are read once, on first use, and kept in memory.
/// <para>
/// Exchanges: the files name tickers, not exchanges, and hold US daily equity data. A ticker is therefore found
/// under any US equity exchange (NYSE:SPY, ARCA:SPY and NASDAQ:SPY give the same bars), listed by
/// <see cref="GetSymbolsAsync"/> under the configured default exchange (NYSE unless told otherwise), and never
/// found under CRYPTO, futures or unknown exchanges. A ticker present in several files comes from the first file
/// in ordinal name order. Daily bars are stamped at the session date's 00:00 America/New_York, in UTC (Alpaca's
/// convention). Only the 1Day timeframe exists.
/// </para>
/// </summary>
public sealed class CsvMarketDataProvider : IMarketDataProvider
{
    /// <summary>The provider name recorded in lakehouse metadata.</summary>
    public const string ProviderName = "csv";

    private readonly Lock _gate = new();
    private CsvPriceIndex? _index;

    /// <param name="directory">The directory of price files (not searched recursively).</param>
    /// <param name="defaultExchange">The exchange tickers are listed under; must be a US equity exchange.</param>
    public CsvMarketDataProvider(string directory, string defaultExchange = Exchanges.Nyse)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var exchange = defaultExchange?.Trim().ToUpperInvariant() ?? "";
        if (!Exchanges.UsEquity.Contains(exchange))
        {
            throw new ArgumentException(
                $"Default exchange \"{defaultExchange}\" is not a US equity exchange. Fix: use one of {string.Join(", ", Exchanges.UsEquity.Order(StringComparer.Ordinal))}.",
                nameof(defaultExchange));
        }
        Directory = Path.GetFullPath(directory);
        DefaultExchange = exchange;
    }

    public string Name => ProviderName;

    public bool IsSynthetic => false;

    public string Directory { get; }

    public string DefaultExchange { get; }

    public Task<IReadOnlyList<Bar>> GetBarsAsync(BarRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Timeframe != Timeframe.Day1)
        {
            throw new MarketDataException(
                $"csv: {request.Symbol} has daily bars only; {request.Timeframe} was asked for. Fix: ask for {Timeframe.Day1}, or use the alpaca or synthetic provider for minute bars.",
                isTransient: false);
        }
        var index = Index();
        var series = FindSeries(index, request.Symbol) ?? throw UnknownSymbol(index, request.Symbol);
        var from = LowerBound(series.Bars, request.Start);
        var to = LowerBound(series.Bars, request.End);
        IReadOnlyList<Bar> bars = to > from ? series.Bars[from..to] : [];
        return Task.FromResult(bars);
    }

    /// <summary>All tickers under <see cref="DefaultExchange"/>, or the requested symbols that the files hold.</summary>
    public Task<IReadOnlyList<SymbolMetadata>> GetSymbolsAsync(IReadOnlyCollection<Symbol>? symbols = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var index = Index();
        var result = new List<SymbolMetadata>();
        if (symbols is null)
        {
            foreach (var series in index.AllSeries) result.Add(Metadata(new Symbol(DefaultExchange, series.Ticker), series));
        }
        else
        {
            foreach (var symbol in symbols)
            {
                if (FindSeries(index, symbol) is { } series) result.Add(Metadata(symbol, series));
            }
        }
        return Task.FromResult<IReadOnlyList<SymbolMetadata>>(result);
    }

    private CsvPriceIndex Index()
    {
        // Loaded once; a failed load is not remembered, so fixing the files and retrying works.
        lock (_gate) return _index ??= CsvPriceIndex.Load(Directory);
    }

    private static CsvSeries? FindSeries(CsvPriceIndex index, Symbol symbol) =>
        Exchanges.UsEquity.Contains(symbol.Exchange) ? index.Find(symbol.Ticker) : null;

    private static SymbolMetadata Metadata(Symbol symbol, CsvSeries series) =>
        new(symbol, AssetProfiles.Infer(symbol), TimeZone: MarketCalendars.Nyse.TimeZone.Id, ListedOn: series.ListedOn);

    private static MarketDataException UnknownSymbol(CsvPriceIndex index, Symbol symbol)
    {
        var files = index.Files.Count == 0 ? "no .csv or .csv.gz files" : string.Join(", ", index.Files);
        var reason = Exchanges.UsEquity.Contains(symbol.Exchange)
            ? $"no file has ticker {symbol.Ticker}"
            : $"{symbol.Exchange} is not a US equity exchange and the files hold US daily equity data only";
        var tickers = index.AllSeries.Select(s => s.Ticker).ToList();
        var known = tickers.Count == 0 ? "" : $" Tickers available: {string.Join(", ", tickers.Take(60))}{(tickers.Count > 60 ? ", …" : "")}.";
        return new MarketDataException(
            $"csv: unknown symbol {symbol}: {reason}. Searched {index.Directory}: {files}.{known} Fix: add {symbol.Ticker}.csv (date,open,high,low,close,volume) or a {symbol.Ticker} column to a wide table, or ask for a listed ticker on a US exchange.",
            isTransient: false);
    }

    // First index whose timestamp is ≥ instant (bars are ascending).
    private static int LowerBound(Bar[] bars, DateTimeOffset instant)
    {
        int low = 0, high = bars.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (bars[mid].Timestamp < instant) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
