using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers;
using ActorTrader.Domain.Instruments;
using Serilog;

namespace ActorTrader.Data.Catalog;

/// <summary>
/// The point-in-time symbol catalog, <c>symbols.parquet</c>, with its exchange table <c>exchanges.parquet</c>.
/// <para>
/// Every symbol has a history of <see cref="SymbolVersion"/>s with consecutive [valid_from, valid_to) ranges; the
/// current one has valid_to = null. <see cref="Upsert"/> starts a new version only when a field that changes how the
/// symbol trades differs (see <see cref="SymbolVersion.TradesLike"/>), closing the old one at the upsert's instant;
/// descriptive changes (name, sector, source) update the current version in place; an unchanged upsert writes nothing.
/// A symbol is its EXCHANGE:TICKER, so a move to another exchange or a new ticker is a new symbol, not a version.
/// </para>
/// <para>
/// Time zone and session are resolved by <see cref="SymbolDefaultsResolver"/>: provider → exchange defaults → fallback,
/// never UTC/24x7 for a non-crypto symbol. <c>exchanges.parquet</c> is created with <see cref="ExchangeDefaults.Bootstrap"/>
/// and always covers every exchange in the catalog: an unknown one is added with the fallback and flagged.
/// </para>
/// <para>Both files are rewritten atomically (temp file, fsync, rename, directory fsync), exchanges first. Thread-safe.</para>
/// </summary>
public sealed class SymbolCatalog
{
    private const int TickScale = 18;
    private static readonly decimal TickLimit = 100_000_000_000_000_000_000m;

    private readonly object _gate = new();
    private readonly string _symbolsPath;
    private readonly string _exchangesPath;
    private readonly ILogger _log;
    private List<ExchangeInfo> _exchanges;
    private Dictionary<Symbol, List<SymbolVersion>> _history;

    /// <summary>Opens the catalog under <paramref name="layout"/>, creating <c>exchanges.parquet</c> when missing.</summary>
    public SymbolCatalog(LakehouseLayout layout, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _symbolsPath = layout.Symbols;
        _exchangesPath = layout.Exchanges;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext<SymbolCatalog>();
        var exchangesExist = File.Exists(_exchangesPath);
        _exchanges = exchangesExist ? CatalogFiles.ReadExchanges(_exchangesPath) : [.. ExchangeDefaults.Bootstrap];
        _history = File.Exists(_symbolsPath)
            ? CatalogFiles.ReadSymbols(_symbolsPath).GroupBy(v => v.Symbol).ToDictionary(g => g.Key, g => g.OrderBy(v => v.ValidFrom).ToList())
            : [];
        var missing = MissingExchanges(_history.Values.Select(h => (h[^1].Symbol.Exchange, h[^1].Profile)), _exchanges);
        if (!exchangesExist || missing.Count > 0)
        {
            _exchanges = [.. _exchanges, .. missing];
            CatalogFiles.WriteExchanges(_exchangesPath, _exchanges);
        }
    }

    /// <summary>The exchange table, bootstrap exchanges first, then the ones added in the order they were met.</summary>
    public IReadOnlyList<ExchangeInfo> Exchanges
    {
        get
        {
            lock (_gate) return _exchanges.ToArray();
        }
    }

    /// <summary>The version of <paramref name="symbol"/> in force at <paramref name="instant"/>, or null when it was not in the catalog then.</summary>
    public SymbolVersion? AsOf(Symbol symbol, DateTimeOffset instant)
    {
        lock (_gate)
        {
            return _history.TryGetValue(symbol, out var versions) ? versions.LastOrDefault(v => v.ValidAt(instant)) : null;
        }
    }

    /// <summary>Every symbol's version in force at <paramref name="instant"/>, ordered by symbol.</summary>
    public IReadOnlyList<SymbolVersion> AllAsOf(DateTimeOffset instant)
    {
        lock (_gate)
        {
            return _history.Values.Select(h => h.LastOrDefault(v => v.ValidAt(instant))).OfType<SymbolVersion>().OrderBy(v => v.Symbol).ToArray();
        }
    }

    /// <summary>Every version of <paramref name="symbol"/>, oldest first (empty when unknown).</summary>
    public IReadOnlyList<SymbolVersion> History(Symbol symbol)
    {
        lock (_gate)
        {
            return _history.TryGetValue(symbol, out var versions) ? versions.ToArray() : [];
        }
    }

    /// <summary>The current version of <paramref name="symbol"/>, or null when unknown.</summary>
    public SymbolVersion? Current(Symbol symbol)
    {
        lock (_gate)
        {
            return _history.TryGetValue(symbol, out var versions) && versions[^1].IsCurrent ? versions[^1] : null;
        }
    }

    /// <summary>
    /// Records what a provider says about <paramref name="symbols"/> as known from <paramref name="asOf"/> (kept to the
    /// microsecond). A symbol listed twice, a tick or lot size beyond DECIMAL(38, 18), or a change dated before the
    /// symbol's current version throws <see cref="ArgumentException"/> before anything changes.
    /// </summary>
    public CatalogUpsertResult Upsert(IEnumerable<SymbolMetadata> symbols, DateTimeOffset asOf, string source = "provider")
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var items = symbols.ToArray();
        var duplicate = items.GroupBy(m => m.Symbol).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"{duplicate.Key} is listed {duplicate.Count()} times in one upsert; pass each symbol once.", nameof(symbols));
        var instant = new DateTimeOffset(asOf.UtcTicks - (asOf.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
        var notes = new List<string>();

        lock (_gate)
        {
            var addedExchanges = MissingExchanges(items.Select(m => (m.Symbol.Exchange, m.Profile)), _exchanges);
            var exchanges = _exchanges.Concat(addedExchanges).ToDictionary(e => e.Code, StringComparer.Ordinal);
            foreach (var e in addedExchanges) notes.Add($"exchange {e.Code} was unknown; added to exchanges.parquet with fallback defaults ({e.TimeZone} {e.Session}).");

            var history = new Dictionary<Symbol, List<SymbolVersion>>(_history);
            int added = 0, versioned = 0, inPlace = 0, unchanged = 0;
            foreach (var metadata in items)
            {
                var candidate = Candidate(metadata, exchanges[metadata.Symbol.Exchange], instant, source, notes);
                if (!history.TryGetValue(metadata.Symbol, out var versions))
                {
                    history[metadata.Symbol] = [candidate];
                    added++;
                    continue;
                }

                var current = versions[^1];
                if (current.TradesLike(candidate))
                {
                    if (current.DescribedLike(candidate))
                    {
                        unchanged++;
                        continue;
                    }

                    history[metadata.Symbol] = [.. versions[..^1], current with { Name = candidate.Name, Sector = candidate.Sector, Source = candidate.Source, TimeZoneSource = candidate.TimeZoneSource, SessionSource = candidate.SessionSource }];
                    inPlace++;
                }
                else if (instant > current.ValidFrom)
                {
                    history[metadata.Symbol] = [.. versions[..^1], current with { ValidTo = instant }, candidate];
                    versioned++;
                }
                else if (instant == current.ValidFrom)
                {
                    // A correction at the same instant replaces the version rather than leaving an empty one behind.
                    history[metadata.Symbol] = [.. versions[..^1], candidate];
                    versioned++;
                }
                else
                {
                    throw new ArgumentException($"{metadata.Symbol}: the upsert is dated {instant:O}, before its current version (valid from {current.ValidFrom:O}); point-in-time history only moves forward. Fix: upsert with an instant at or after {current.ValidFrom:O}.", nameof(asOf));
                }
            }

            var result = new CatalogUpsertResult(added, versioned, inPlace, unchanged, addedExchanges.Select(e => e.Code).ToArray(), notes);
            if (addedExchanges.Count > 0)
            {
                var table = _exchanges.Concat(addedExchanges).ToList();
                CatalogFiles.WriteExchanges(_exchangesPath, table);
                _exchanges = table;
            }

            if (added + versioned + inPlace > 0)
            {
                CatalogFiles.WriteSymbols(_symbolsPath, history.Keys.Order().SelectMany(s => history[s]).ToArray());
                _history = history;
            }

            foreach (var note in notes) _log.Warning("Symbol catalog: {Note}", note);
            return result;
        }
    }

    private static SymbolVersion Candidate(SymbolMetadata m, ExchangeInfo exchange, DateTimeOffset instant, string source, List<string> notes)
    {
        CheckSize(m.Symbol, "tick size", m.TickSize);
        CheckSize(m.Symbol, "lot size", m.LotSize);
        var r = SymbolDefaultsResolver.Resolve(m, exchange, notes);
        return new SymbolVersion(
            m.Symbol, m.Profile, m.Name, r.TimeZone, r.TimeZoneSource, r.Session, r.SessionSource, r.TickSize, r.LotSize,
            m.ListedOn, m.Tradable, m.Shortable, m.Sector, source, instant, null);
    }

    private static void CheckSize(Symbol symbol, string what, decimal? value)
    {
        if (value is not { } v) return;
        if (v <= 0 || v >= TickLimit || (v.Scale > TickScale && decimal.Round(v, TickScale) != v))
            throw new ArgumentException($"{symbol}: {what} {v} must be positive, below 10^20 and have at most {TickScale} decimals (DECIMAL(38, {TickScale})).", nameof(value));
    }

    private static List<ExchangeInfo> MissingExchanges(IEnumerable<(string Code, AssetProfile Profile)> seen, IReadOnlyList<ExchangeInfo> table)
    {
        var known = table.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        var missing = new List<ExchangeInfo>();
        foreach (var (code, profile) in seen)
        {
            if (known.Add(code)) missing.Add(ExchangeDefaults.Fallback(code, profile));
        }

        return missing;
    }
}
