using System.Diagnostics;

namespace ActorTrader.Data.Ingestion;

/// <summary>Folds written outcomes into the run's counts; fed by the stream's sink, one outcome at a time.</summary>
internal sealed class IngestionSummaryBuilder(IngestionRequest request, string provider, DateTimeOffset startedAt)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<SkippedSymbol> _skipped = [];
    private readonly List<SymbolRejection> _rejected = [];
    private readonly List<SymbolFailure> _failed = [];
    private readonly List<PartitionQuarantine> _quarantined = [];
    private int _fetched;
    private int _written;
    private int _done;
    private long _barsFetched;
    private long _barsWritten;
    private CatalogRefresh? _catalog;

    public int Done => _done;

    public void SetCatalog(CatalogRefresh? catalog) => _catalog = catalog;

    public IngestionProgress Add(SymbolOutcome outcome)
    {
        _done++;
        if (outcome.Fetched) _fetched++;
        _barsFetched += outcome.BarsFetched;
        if (outcome.Skipped is { } skipped) _skipped.Add(skipped);
        if (outcome.Rejection is { } rejection) _rejected.Add(rejection);
        if (outcome.Failure is { } failure) _failed.Add(failure);
        if (outcome.Quarantine is { } quarantine) _quarantined.Add(quarantine);
        if (outcome.Written)
        {
            _written++;
            _barsWritten += outcome.BarsWritten;
        }
        return new IngestionProgress(request.RunId, request.Symbols.Count, _done, _skipped.Count, _rejected.Count, _failed.Count, _barsWritten);
    }

    public IngestionSummary Build(bool cancelled) => new(
        request.RunId,
        provider,
        request.Timeframe.Name,
        request.Start,
        request.End,
        startedAt,
        Stopwatch.GetElapsedTime(_started),
        request.Symbols.Count,
        _fetched,
        [.. _skipped.OrderBy(s => s.Symbol)],
        [.. _rejected.OrderBy(r => r.Symbol)],
        [.. _failed.OrderBy(f => f.Symbol)],
        [.. _quarantined.OrderBy(q => q.Symbol)],
        _written,
        _barsFetched,
        _barsWritten,
        cancelled)
    {
        Catalog = _catalog,
    };
}
