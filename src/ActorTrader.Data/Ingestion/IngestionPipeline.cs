using System.Runtime.CompilerServices;
using ActorTrader.Data.Catalog;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Instruments;
using ActorTrader.Streams;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// The ingestion stream of one run:
/// metadata refresh (when a catalog is configured) → candidates → planning (synthetic/real separation, freshness) →
/// fetch with retries (SelectAsyncUnordered, bounded parallelism) → toxic guard, OHLC sanity, strict health →
/// GroupedWithin(write-batch-size, write-batch-interval) → lakehouse write → summary.
/// Memory stays bounded whatever the symbol count: at most <c>parallelism</c> symbols are being fetched, one group
/// is being filled, one waits in the buffer and one is being written, and a symbol's bars are dropped as soon as its
/// group is written.
/// </summary>
public sealed class IngestionPipeline(IngestionDependencies dependencies)
{
    /// <summary>
    /// Materialises the stream. Returns a kill switch (shutdown stops taking new symbols; what is in flight is
    /// finished and counted) and the summary task, which completes when every symbol is handled or the switch is used.
    /// </summary>
    public (UniqueKillSwitch KillSwitch, Task<IngestionSummary> Summary) Run(
        IngestionRequest request, IMaterializer materializer, Action<IngestionProgress>? onProgress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(materializer);
        request.Validate();
        var d = dependencies;
        var settings = d.Settings;
        var startedAt = d.Clock.GetUtcNow();
        var builder = new IngestionSummaryBuilder(request, d.Provider.Name, startedAt);
        var delay = d.Delay ?? ((wait, ct) => Task.Delay(wait, d.Clock, ct));
        var retry = new TransientRetry(d.Provider, settings.MaxAttempts, new RetryBackoff(settings.RetryBackoff, d.Jitter), delay);
        var source = new BarWriteSource(d.Provider.Name, d.Provider.IsSynthetic, request.RunId);
        var planner = new FetchPlanner(d.Store, new FreshnessCheck(d.Store, d.Clock, settings.FreshnessHours, d.CalendarFor), source);
        var perSymbol = new SymbolIngestion(new RetryingFetcher(retry), settings.ToxicReturn, settings.MaxMissingFraction, d.CalendarFor, d.Clock);
        var writer = new BatchWriter(d.Store, source);
        var candidates = request.Symbols.Distinct().ToArray();

        // Started before the stream, off the caller's thread (the upsert rewrites symbols.parquet); the candidates
        // source waits for it so freshness can use the listing dates it brings.
        var metadataCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var metadata = d.Catalog is { } catalog
            ? Task.Run(() => RefreshCatalogAsync(new SymbolMetadataRefresh(retry, catalog), catalog, candidates, startedAt, metadataCancel.Token), CancellationToken.None)
            : Task.FromResult(CatalogStep.None);

        var (killSwitch, done) = Source.FromAsyncEnumerable(() => Candidates(metadata, candidates))
            .ViaMaterialized(KillSwitches.Single<Candidate>(), Keep.Right)
            .Select(c => planner.Plan(c.Symbol, request.Timeframe, request.Start, request.End, c.ListedOn))
            .SelectAsyncUnordered(settings.Parallelism, plan => perSymbol.ProcessAsync(plan, request.Start, cancellationToken))
            .GroupedWithin(settings.WriteBatchSize, settings.WriteBatchInterval)
            // The stages pull on demand: without a buffer, the next group would only be fetched once the write of the
            // previous one returned, so fetching and writing would take turns instead of overlapping.
            .Buffer(1, OverflowStrategy.Backpressure)
            // The write is synchronous file work: run it off the stream's thread so fetching goes on meanwhile.
            .SelectAsync(1, group => Task.Run(() => writer.Write(group), CancellationToken.None))
            .ToMaterialized(Sink.ForEach<IReadOnlyList<SymbolOutcome>>(outcomes =>
            {
                foreach (var outcome in outcomes)
                {
                    var progress = builder.Add(outcome);
                    onProgress?.Invoke(progress);
                }
            }), Keep.Both)
            .Run(materializer);

        var summary = Finish(done, metadata, metadataCancel, builder, killSwitch, d.SaveSummary, candidates.Length, cancellationToken);
        return (killSwitch, summary);
    }

    private static async IAsyncEnumerable<Candidate> Candidates(Task<CatalogStep> metadata, Symbol[] symbols,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var step = await metadata.WaitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var symbol in symbols) yield return new Candidate(symbol, step.ListedOn.TryGetValue(symbol, out var listed) ? listed : null);
    }

    private static async Task<CatalogStep> RefreshCatalogAsync(SymbolMetadataRefresh refresh, SymbolCatalog catalog, Symbol[] symbols,
        DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var result = await refresh.RefreshAsync(symbols, asOf, cancellationToken).ConfigureAwait(false);
        // The catalog's listing dates, fresh or (when the provider failed) as last known.
        var listed = new Dictionary<Symbol, DateOnly>();
        foreach (var symbol in symbols)
        {
            if (catalog.Current(symbol)?.ListedOn is { } date) listed[symbol] = date;
        }
        return new CatalogStep(result, listed);
    }

    private static async Task<IngestionSummary> Finish(Task done, Task<CatalogStep> metadata, CancellationTokenSource metadataCancel,
        IngestionSummaryBuilder builder, UniqueKillSwitch killSwitch, Func<IngestionSummary, string>? save, int candidates, CancellationToken cancellationToken)
    {
        using (metadataCancel)
        {
            await using (cancellationToken.Register(killSwitch.Shutdown).ConfigureAwait(false))
            {
                await done.ConfigureAwait(false);
            }
            // The stream ended (stopped) before the refresh did: stop it too; it records why.
            if (!metadata.IsCompleted) await metadataCancel.CancelAsync().ConfigureAwait(false);
            builder.SetCatalog((await metadata.ConfigureAwait(false)).Refresh);
        }
        var summary = builder.Build(cancelled: cancellationToken.IsCancellationRequested || builder.Done < candidates);
        save?.Invoke(summary);
        return summary;
    }

    private readonly record struct Candidate(Symbol Symbol, DateOnly? ListedOn);

    private sealed record CatalogStep(CatalogRefresh? Refresh, IReadOnlyDictionary<Symbol, DateOnly> ListedOn)
    {
        public static CatalogStep None { get; } = new(null, new Dictionary<Symbol, DateOnly>());
    }
}
