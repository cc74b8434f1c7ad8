using ActorTrader.Data.Catalog;
using ActorTrader.Data.Providers;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// The first step of a run when a catalog is configured: one <see cref="IMarketDataProvider.GetSymbolsAsync"/> call
/// for all candidates, under the same <see cref="TransientRetry"/> policy as bar fetches, upserted into the
/// <see cref="SymbolCatalog"/> as of the run's clock time. The catalog decides what is a new version (only a change in
/// how the symbol trades), so an unchanged provider writes nothing. Any failure is returned as
/// <see cref="CatalogRefresh.Error"/>, never thrown: stale metadata must not cost the day's bars.
/// </summary>
internal sealed class SymbolMetadataRefresh(TransientRetry retry, SymbolCatalog catalog)
{
    public async Task<CatalogRefresh> RefreshAsync(IReadOnlyList<Symbol> symbols, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count == 0) return new CatalogRefresh(asOf, 0, 0, 0, [], [], null);
        var provider = retry.Provider;
        RetryResult<IReadOnlyList<SymbolMetadata>> fetched;
        try
        {
            fetched = await retry.RunAsync(ct => provider.GetSymbolsAsync(symbols, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CatalogRefresh.Failed(asOf, $"the run was stopped before {provider.Name} returned the symbol metadata; the catalog was not refreshed.");
        }
        if (!fetched.Succeeded)
        {
            return CatalogRefresh.Failed(asOf,
                $"symbol metadata not refreshed: {fetched.Refusal ?? fetched.Failure}. The bars were still ingested; the catalog keeps its previous versions. Fix: run the ingest again once {provider.Name} answers.");
        }

        // Only the candidates asked about: a provider answering with more must not grow the catalog behind the run's back.
        var wanted = symbols.ToHashSet();
        var known = (fetched.Value ?? []).Where(m => wanted.Contains(m.Symbol)).ToList();
        var described = known.Select(m => m.Symbol).ToHashSet();
        var unknown = wanted.Where(s => !described.Contains(s)).Order().ToArray();
        CatalogUpsertResult result;
        try
        {
            result = catalog.Upsert(known, asOf, provider.Name);
        }
        catch (Exception e)
        {
            // Bad values from the provider (ArgumentException), a clock behind the catalog, or file trouble: recorded with its type.
            return CatalogRefresh.Failed(asOf, $"symbols.parquet not updated from {provider.Name}: {e.GetType().Name}: {e.Message}") with { UnknownToProvider = unknown };
        }
        return new CatalogRefresh(asOf, result.Added + result.Versioned, result.UpdatedInPlace, result.Unchanged, unknown, result.Notes, null);
    }
}
