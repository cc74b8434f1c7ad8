using ActorTrader.Data.Ingestion;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Data.Settings;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Streams;

namespace ActorTrader.Benchmarks.Ingest;

/// <summary>
/// One ingestion of N synthetic symbols × Y years of daily bars into a fresh lakehouse in a temp directory, either
/// through the <see cref="IngestionActor"/>'s stream (measured) or through a plain sequential loop doing the same
/// work — fetch, validate, strict health, write in groups of write-batch-size — without the stream (baseline).
/// </summary>
internal sealed class IngestWorkload(int symbols, int years)
{
    private static readonly DateTimeOffset End = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly IReadOnlyList<Symbol> _symbols = SyntheticMarketDataProvider.Universe(symbols);
    private readonly SyntheticMarketDataProvider _provider = new(42);

    public DateTimeOffset Start => End.AddYears(-years);

    public string Describe => $"{symbols:N0} symbols x {years} years of daily synthetic bars";

    // Freshness off (every run starts from an empty lakehouse anyway); settings otherwise the reference defaults.
    public static IngestionSettings Settings => IngestionSettings.Default with { FreshnessHours = 0 };

    /// <summary>Runs the stream; returns bars written.</summary>
    public async Task<long> RunStreamAsync(string lakehouse, ActorSystem system, IMaterializer materializer)
    {
        var store = new ParquetBarStore(new LakehouseLayout(lakehouse));
        var dependencies = new IngestionDependencies(_provider, store, Settings, _ => MarketCalendars.Nyse, TimeProvider.System);
        var actor = system.ActorOf(IngestionActor.Props(dependencies, materializer));
        var reply = await actor.Ask(new StartIngestion(new IngestionRequest("bench", _symbols, Timeframe.Day1, Start, End)), timeout: null);
        system.Stop(actor);
        var summary = reply is IngestionCompleted completed ? completed.Summary : throw new InvalidOperationException($"Ingestion did not complete: {reply}");
        return Checked(summary.BarsWritten, summary.Rejected.Count + summary.Failed.Count);
    }

    /// <summary>The same work in one sequential loop without the stream; returns bars written.</summary>
    public async Task<long> RunSequentialAsync(string lakehouse)
    {
        var store = new ParquetBarStore(new LakehouseLayout(lakehouse));
        var settings = Settings;
        var source = new BarWriteSource(_provider.Name, _provider.IsSynthetic, "bench-baseline");
        var group = new List<BarBatch>(settings.WriteBatchSize);
        long written = 0;
        var bad = 0;
        foreach (var symbol in _symbols)
        {
            var bars = await _provider.GetBarsAsync(new BarRequest(symbol, Timeframe.Day1, Start, End));
            if ((BarValidator.Validate(symbol, bars, settings.ToxicReturn)
                ?? StrictHealth.Check(symbol, Timeframe.Day1, bars, MarketCalendars.Nyse, Start, End, DateTimeOffset.UtcNow, settings.MaxMissingFraction)) is not null)
            {
                bad++;
                continue;
            }
            group.Add(new BarBatch(symbol, Timeframe.Day1, bars));
            if (group.Count == settings.WriteBatchSize)
            {
                written += store.Write(group, source).TotalRowsAdded;
                group.Clear();
            }
        }
        if (group.Count > 0) written += store.Write(group, source).TotalRowsAdded;
        return Checked(written, bad);
    }

    // A benchmark that silently writes less than it should would report a flattering rate.
    private static long Checked(long written, int bad) =>
        bad == 0 && written > 0 ? written : throw new InvalidOperationException($"The synthetic workload had {bad} rejected or failed symbols and wrote {written} bars; the figures would be meaningless.");
}
