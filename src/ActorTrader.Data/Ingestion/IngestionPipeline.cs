using ActorTrader.Data.Lakehouse;
using ActorTrader.Streams;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// The ingestion stream of one run:
/// candidates → freshness → fetch with retries (SelectAsyncUnordered, bounded parallelism) → toxic guard, OHLC
/// sanity, strict health → GroupedWithin(write-batch-size, write-batch-interval) → lakehouse write → summary.
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
        var builder = new IngestionSummaryBuilder(request, d.Provider.Name, d.Clock.GetUtcNow());
        var freshness = new FreshnessCheck(d.Store, d.Clock, settings.FreshnessHours);
        var delay = d.Delay ?? ((wait, ct) => Task.Delay(wait, d.Clock, ct));
        var fetcher = new RetryingFetcher(d.Provider, settings.MaxAttempts, new RetryBackoff(settings.RetryBackoff, d.Jitter), delay);
        var perSymbol = new SymbolIngestion(fetcher, settings.ToxicReturn, settings.MaxMissingFraction, d.CalendarFor, d.Clock);
        var writer = new BatchWriter(d.Store, new BarWriteSource(d.Provider.Name, d.Provider.IsSynthetic, request.RunId));

        var (killSwitch, done) = Source.From(request.Symbols.Distinct())
            .ViaMaterialized(KillSwitches.Single<Domain.Instruments.Symbol>(), Keep.Right)
            .Select(symbol => freshness.Plan(symbol, request.Timeframe, request.Start, request.End))
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

        var summary = Finish(done, builder, killSwitch, d.SaveSummary, request, cancellationToken);
        return (killSwitch, summary);
    }

    private static async Task<IngestionSummary> Finish(Task done, IngestionSummaryBuilder builder, UniqueKillSwitch killSwitch,
        Func<IngestionSummary, string>? save, IngestionRequest request, CancellationToken cancellationToken)
    {
        await using var stopOnCancel = cancellationToken.Register(killSwitch.Shutdown).ConfigureAwait(false);
        await done.ConfigureAwait(false);
        var summary = builder.Build(cancelled: cancellationToken.IsCancellationRequested || builder.Done < request.Symbols.Distinct().Count());
        save?.Invoke(summary);
        return summary;
    }
}
