using ActorTrader.Actors;
using ActorTrader.Data.Catalog;
using ActorTrader.Data.Ingestion;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers;
using ActorTrader.Data.Tests.Lakehouse.Support;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Ingestion;

/// <summary>The metadata refresh at the start of a run, against a real <see cref="SymbolCatalog"/> in a temporary lakehouse.</summary>
public sealed partial class IngestionActorTests : IDisposable
{
    private readonly TempDirectory _lakehouse = new();

    public void Dispose() => _lakehouse.Dispose();

    private SymbolCatalog OpenCatalog() => new(new LakehouseLayout(_lakehouse.Path));

    private static SymbolMetadata Stock(string ticker, decimal tick = 0.01m, string? name = null) =>
        new(S(ticker), AssetProfile.UsEquity, Name: name ?? ticker + " Inc", TickSize: tick, LotSize: 1m, Tradable: true, Shortable: true);

    private void Describe(params SymbolMetadata[] metadata)
    {
        lock (_provider.Metadata)
        {
            _provider.Metadata.Clear();
            _provider.Metadata.AddRange(metadata);
        }
    }

    [Fact]
    public async Task The_candidates_metadata_is_upserted_as_of_the_run_clock()
    {
        Describe(Stock("AAA"), Stock("BBB"));
        var catalog = OpenCatalog();
        var summary = await Run(Ingestor(catalog: catalog), S("AAA"), S("BBB"));
        Assert.Equal(2, summary.Catalog!.VersionsAdded);
        Assert.Equal(_clock.Now, catalog.Current(S("AAA"))!.ValidFrom);
        Assert.Equal(2, OpenCatalog().AllAsOf(_clock.Now).Count);
    }

    [Fact]
    public async Task One_metadata_call_asks_for_every_candidate()
    {
        Describe(Stock("AAA"), Stock("BBB"), Stock("CCC"));
        await Run(Ingestor(catalog: OpenCatalog()), S("AAA"), S("BBB"), S("CCC"), S("AAA"));
        var call = Assert.Single(_provider.SymbolCalls);
        Assert.Equal(["NASDAQ:AAA", "NASDAQ:BBB", "NASDAQ:CCC"], call!.Select(s => s.ToString()).Order());
    }

    [Fact]
    public async Task Unchanged_metadata_adds_no_version()
    {
        Describe(Stock("AAA"));
        var catalog = OpenCatalog();
        await Run(Ingestor(catalog: catalog), S("AAA"));
        _clock.Now = _clock.Now.AddDays(1);
        var second = await Run(Ingestor(catalog: catalog), S("AAA"));
        Assert.Equal(0, second.Catalog!.VersionsAdded);
        Assert.Equal(1, second.Catalog.Unchanged);
        Assert.Single(catalog.History(S("AAA")));
    }

    [Fact]
    public async Task A_changed_tick_size_starts_a_new_version_at_the_second_run()
    {
        Describe(Stock("AAA"));
        var catalog = OpenCatalog();
        var firstRun = _clock.Now;
        await Run(Ingestor(catalog: catalog), S("AAA"));
        _clock.Now = _clock.Now.AddDays(1);
        Describe(Stock("AAA", tick: 0.05m));
        var second = await Run(Ingestor(catalog: catalog), S("AAA"));
        Assert.Equal(1, second.Catalog!.VersionsAdded);
        var history = catalog.History(S("AAA"));
        Assert.Equal([firstRun, _clock.Now], history.Select(v => v.ValidFrom));
        Assert.Equal(0.01m, catalog.AsOf(S("AAA"), firstRun)!.TickSize);
        Assert.Equal(_clock.Now, history[0].ValidTo);
    }

    [Fact]
    public async Task Symbols_the_provider_does_not_know_are_listed_and_still_fetched()
    {
        Describe(Stock("AAA"));
        var summary = await Run(Ingestor(catalog: OpenCatalog()), S("AAA"), S("ZZZ"));
        Assert.Equal(["NASDAQ:ZZZ"], summary.Catalog!.UnknownToProvider.Select(s => s.ToString()));
        Assert.Equal(2, summary.SymbolsWritten);
    }

    [Fact]
    public async Task Transient_metadata_failures_are_retried_with_the_bar_backoff()
    {
        Describe(Stock("AAA"));
        _provider.FailSymbolsFirst(Http(503), Http(429));
        var summary = await Run(Ingestor(catalog: OpenCatalog()), S("AAA"));
        Assert.True(summary.Catalog!.Succeeded, summary.Catalog.Error);
        Assert.Equal(3, _provider.SymbolCalls.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _delays);
    }

    [Fact]
    public async Task Metadata_failing_after_every_attempt_is_reported_and_the_bars_are_still_written()
    {
        Describe(Stock("AAA"));
        _provider.FailSymbolsFirst(Http(503), Http(503), Http(503));
        var catalog = OpenCatalog();
        var summary = await Run(Ingestor(catalog: catalog), S("AAA"));
        Assert.Contains("failed 3 time(s)", summary.Catalog!.Error, StringComparison.Ordinal);
        Assert.Equal(1, summary.SymbolsWritten);
        Assert.Empty(summary.Failed);
        Assert.Null(catalog.Current(S("AAA")));
    }

    [Fact]
    public async Task A_permanent_metadata_refusal_is_not_retried()
    {
        _provider.FailSymbolsFirst(Http(403));
        var summary = await Run(Ingestor(catalog: OpenCatalog()), S("AAA"));
        Assert.Contains("refused", summary.Catalog!.Error, StringComparison.Ordinal);
        Assert.Single(_provider.SymbolCalls);
        Assert.Equal(1, summary.SymbolsWritten);
    }

    [Fact]
    public async Task Metadata_the_catalog_refuses_is_reported_with_the_symbol_and_the_bars_are_still_written()
    {
        Describe(Stock("AAA", tick: -1m));
        var summary = await Run(Ingestor(catalog: OpenCatalog()), S("AAA"));
        Assert.Contains("ArgumentException", summary.Catalog!.Error, StringComparison.Ordinal);
        Assert.Contains("NASDAQ:AAA", summary.Catalog.Error, StringComparison.Ordinal);
        Assert.Equal(1, summary.SymbolsWritten);
    }

    [Fact]
    public async Task Without_a_catalog_the_provider_is_not_asked_for_metadata()
    {
        Describe(Stock("AAA"));
        var summary = await Run(Ingestor(), S("AAA"));
        Assert.Null(summary.Catalog);
        Assert.Empty(_provider.SymbolCalls);
    }

    [Fact]
    public async Task A_listing_date_after_the_range_start_lets_a_fresh_symbol_be_skipped()
    {
        var listed = Start.AddDays(14);
        Describe(Stock("NEW") with { ListedOn = DateOnly.FromDateTime(listed.UtcDateTime) });
        _provider.SetBars(S("NEW"), TestBars.Weekdays(listed, End));
        var catalog = OpenCatalog();
        await Run(Ingestor(catalog: catalog), S("NEW"));
        _clock.Now = _clock.Now.AddHours(1);
        var second = await Run(Ingestor(catalog: catalog), S("NEW"));
        Assert.Equal("NASDAQ:NEW", Assert.Single(second.SkippedFresh).Symbol.ToString());
    }

    [Fact]
    public async Task Stopping_a_run_while_the_metadata_is_fetched_completes_it_with_the_refresh_reported_as_stopped()
    {
        var gated = new GatedProvider(gateSymbols: true);
        var ingestor = Ingestor(gated, catalog: OpenCatalog());
        ingestor.Tell(new StartIngestion(new IngestionRequest("stopped", [S("AAA"), S("BBB")], Timeframe.Day1, Start, End)), TestActor);
        await gated.FirstCall;
        ingestor.Tell(new StopIngestion());
        var summary = (await ExpectMsgAsync<IngestionCompleted>()).Summary;
        Assert.True(summary.Cancelled);
        Assert.Contains("stopped", summary.Catalog!.Error, StringComparison.Ordinal);
        Assert.Equal(0, summary.SymbolsWritten);
    }
}
