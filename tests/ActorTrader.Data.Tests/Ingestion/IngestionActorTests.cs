using ActorTrader.Actors;
using ActorTrader.Data.Catalog;
using ActorTrader.Data.Ingestion;
using ActorTrader.Data.Providers;
using ActorTrader.Data.Settings;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Streams;

namespace ActorTrader.Data.Tests.Ingestion;

/// <summary>The ingestion stream end to end through the actor, with a fake provider, an in-memory store and a fake clock.</summary>
public sealed partial class IngestionActorTests : TestKit.TestKit
{
    private static readonly DateTimeOffset Start = TestBars.Monday;
    private static readonly DateTimeOffset End = TestBars.Monday.AddDays(56); // 40 weekday sessions
    private static readonly IngestionSettings Settings = IngestionSettings.Default with { Parallelism = 3, WriteBatchSize = 2, MaxAttempts = 3, MaxMissingFraction = 0.05 };

    private readonly ManualClock _clock = new(End.AddDays(30));
    private readonly FakeProvider _provider = new();
    private readonly InMemoryBarStore _store;
    private readonly List<TimeSpan> _delays = [];
    private readonly List<IngestionSummary> _saved = [];

    public IngestionActorTests() => _store = new InMemoryBarStore(_clock);

    private static Symbol S(string ticker) => new("NASDAQ", ticker);

    private IActorRef Ingestor(IMarketDataProvider? provider = null, IngestionSettings? settings = null, SymbolCatalog? catalog = null) =>
        Sys.ActorOf(IngestionActor.Props(new IngestionDependencies(provider ?? _provider, _store, settings ?? Settings, _ => new WeekdayCalendar(), _clock)
        {
            Catalog = catalog,
            Delay = (delay, _) =>
            {
                lock (_delays) _delays.Add(delay);
                return Task.CompletedTask;
            },
            Jitter = () => 0,
            SaveSummary = s =>
            {
                lock (_saved) _saved.Add(s);
                return "saved";
            },
        }, Sys.Materializer()));

    private Task<IngestionSummary> Run(IActorRef ingestor, params Symbol[] symbols) => RunUntil(ingestor, End, symbols);

    private Task<IngestionSummary> RunUntil(IActorRef ingestor, DateTimeOffset end, params Symbol[] symbols) => RunRange(ingestor, Start, end, symbols);

    private async Task<IngestionSummary> RunRange(IActorRef ingestor, DateTimeOffset start, DateTimeOffset end, params Symbol[] symbols)
    {
        ingestor.Tell(new StartIngestion(new IngestionRequest($"run-{Guid.NewGuid():N}", symbols, Timeframe.Day1, start, end)), TestActor);
        return (await ExpectMsgAsync<IngestionCompleted>()).Summary;
    }

    private static List<Bar> Bars() => TestBars.Weekdays(Start, End);

    private static MarketDataException Http(int status) => new($"HTTP {status}", isTransient: status is 429 or >= 500) { StatusCode = status };

    [Fact]
    public async Task Good_symbols_are_written_with_every_bar()
    {
        var summary = await Run(Ingestor(), S("AAA"), S("BBB"), S("CCC"));
        Assert.Equal(3, summary.SymbolsWritten);
        Assert.Equal(3 * 40, summary.BarsWritten);
        Assert.Equal(40, _store.Read(S("BBB"), Timeframe.Day1).Count);
        Assert.Empty(summary.Rejected);
    }

    [Fact]
    public async Task One_bad_symbol_never_fails_the_run()
    {
        var toxic = Bars();
        toxic[10] = TestBars.With(toxic[10], close: toxic[9].Close * 8m, high: toxic[9].Close * 8m);
        _provider.SetBars(S("TOXIC"), toxic);
        _provider.FailFirst(S("DOWN"), Http(503), Http(503), Http(503));
        var summary = await Run(Ingestor(), S("GOOD"), S("TOXIC"), S("DOWN"), S("FINE"));
        Assert.Equal(["NASDAQ:FINE", "NASDAQ:GOOD"], _store.List().Select(p => p.Symbol.ToString()).Order());
        Assert.Equal(RejectionKind.ToxicReturn, Assert.Single(summary.Rejected).Kind);
        Assert.Equal("NASDAQ:DOWN", Assert.Single(summary.Failed).Symbol.ToString());
        Assert.Equal(2, summary.SymbolsWritten);
    }

    [Fact]
    public async Task A_toxic_symbol_has_none_of_its_bars_written()
    {
        var bars = Bars();
        bars[30] = TestBars.With(bars[30], close: bars[29].Close * 6m, high: bars[29].Close * 6m);
        _provider.SetBars(S("TOXIC"), bars);
        var summary = await Run(Ingestor(), S("TOXIC"));
        Assert.Contains(BarValidator.Time(bars[30].Timestamp), Assert.Single(summary.Rejected).Reason, StringComparison.Ordinal);
        Assert.Null(_store.Describe(S("TOXIC"), Timeframe.Day1));
    }

    [Fact]
    public async Task Inverted_high_and_low_reject_the_symbol()
    {
        var bars = Bars();
        bars[3] = TestBars.With(bars[3], high: bars[3].Low, low: bars[3].High);
        _provider.SetBars(S("INV"), bars);
        Assert.Equal(RejectionKind.InvalidOhlc, Assert.Single((await Run(Ingestor(), S("INV"))).Rejected).Kind);
    }

    [Fact]
    public async Task Duplicate_timestamps_reject_the_symbol()
    {
        var bars = Bars();
        bars.Insert(5, bars[5]);
        _provider.SetBars(S("DUP"), bars);
        Assert.Equal(RejectionKind.DuplicateTimestamp, Assert.Single((await Run(Ingestor(), S("DUP"))).Rejected).Kind);
    }

    [Fact]
    public async Task Rate_limits_and_server_errors_are_retried_with_backoff_then_written()
    {
        _provider.FailFirst(S("SLOW"), Http(429), Http(502));
        var summary = await Run(Ingestor(), S("SLOW"));
        Assert.Equal(1, summary.SymbolsWritten);
        Assert.Equal(3, _provider.CallsFor(S("SLOW")));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _delays);
    }

    [Fact]
    public async Task Timeouts_that_never_end_fail_the_symbol_after_the_attempt_limit()
    {
        _provider.FailFirst(S("HANG"), new TimeoutException("t1"), new TimeoutException("t2"), new TimeoutException("t3"));
        var failure = Assert.Single((await Run(Ingestor(), S("HANG"))).Failed);
        Assert.Equal(3, failure.Attempts);
        Assert.Contains("TimeoutException: t3", failure.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_twice_writes_nothing_new()
    {
        var settings = Settings with { FreshnessHours = 0 };
        var first = await Run(Ingestor(settings: settings), S("AAA"), S("BBB"));
        var second = await Run(Ingestor(settings: settings), S("AAA"), S("BBB"));
        Assert.Equal(80, first.BarsWritten);
        Assert.Equal(0, second.BarsWritten);
        Assert.Equal(40, _store.Read(S("AAA"), Timeframe.Day1).Count);
    }

    [Fact]
    public async Task Symbols_written_within_the_freshness_window_are_skipped_without_fetching()
    {
        await Run(Ingestor(), S("AAA"), S("BBB"));
        var calls = _provider.Requests.Count;
        _clock.Now = _clock.Now.AddHours(11);
        var second = await Run(Ingestor(), S("AAA"), S("BBB"), S("NEW"));
        Assert.Equal(["NASDAQ:AAA", "NASDAQ:BBB"], second.SkippedFresh.Select(s => s.Symbol.ToString()));
        Assert.Equal(calls + 1, _provider.Requests.Count);
        Assert.Equal(1, second.SymbolsWritten);
    }

    [Fact]
    public async Task A_fresh_symbol_asked_for_an_older_range_is_fetched_and_completed()
    {
        _provider.SetBars(S("AAA"), Bars());
        await RunRange(Ingestor(), Start.AddDays(28), End, S("AAA"));
        _clock.Now = _clock.Now.AddHours(1);
        var second = await Run(Ingestor(), S("AAA"));
        Assert.Empty(second.SkippedFresh);
        Assert.Equal(20, second.BarsWritten);
        Assert.Equal(Bars().Select(b => b.Timestamp), _store.Read(S("AAA"), Timeframe.Day1).Select(b => b.Timestamp));
    }

    [Fact]
    public async Task A_corrupt_existing_partition_is_quarantined_and_the_rest_is_written()
    {
        await Run(Ingestor(settings: Settings with { FreshnessHours = 0 }), S("AAA"), S("BAD"));
        _store.MarkCorrupt(S("BAD"), Timeframe.Day1);
        _provider.SetBars(S("CCC"), Bars());
        var summary = await Run(Ingestor(settings: Settings with { FreshnessHours = 0 }), S("AAA"), S("BAD"), S("CCC"));
        var quarantine = Assert.Single(summary.Quarantined);
        Assert.Equal("NASDAQ:BAD", quarantine.Symbol.ToString());
        Assert.Contains("quarantined", Assert.Single(summary.Failed).Error, StringComparison.Ordinal);
        Assert.Equal(40, _store.Read(S("CCC"), Timeframe.Day1).Count);
    }

    [Fact]
    public async Task A_write_error_fails_only_the_symbol_that_caused_it()
    {
        _store.FailWritesOf(S("FULL"), new IOException("No space left on device"));
        var summary = await Run(Ingestor(), S("AAA"), S("FULL"), S("BBB"));
        Assert.Contains("No space left on device", Assert.Single(summary.Failed).Error, StringComparison.Ordinal);
        Assert.Equal(2, summary.SymbolsWritten);
    }

    [Fact]
    public async Task A_write_error_of_a_symbol_alone_in_its_batch_fails_only_that_symbol()
    {
        _store.FailWritesOf(S("FULL"), new IOException("No space left on device"));
        var summary = await Run(Ingestor(settings: Settings with { WriteBatchSize = 1 }), S("AAA"), S("FULL"));
        Assert.Equal("NASDAQ:FULL", Assert.Single(summary.Failed).Symbol.ToString());
        Assert.Equal(40, _store.Read(S("AAA"), Timeframe.Day1).Count);
    }

    [Fact]
    public async Task Missing_sessions_beyond_the_allowed_fraction_reject_the_symbol_as_unhealthy()
    {
        var bars = Bars();
        bars.RemoveRange(10, 4);
        _provider.SetBars(S("GAPPY"), bars);
        var rejection = Assert.Single((await Run(Ingestor(), S("GAPPY"))).Rejected);
        Assert.Equal(RejectionKind.Unhealthy, rejection.Kind);
        Assert.Contains("4 of 40", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_new_bar_is_checked_against_the_last_stored_one()
    {
        var early = TestBars.Weekdays(Start, Start.AddDays(28));
        _provider.SetBars(S("JUMP"), early);
        Assert.Equal(early.Count, (await RunUntil(Ingestor(settings: Settings with { FreshnessHours = 0 }), Start.AddDays(28), S("JUMP"))).BarsWritten);
        var late = TestBars.Weekdays(Start.AddDays(28), End, early[^1].Close * 10m);
        _provider.SetBars(S("JUMP"), [.. early, .. late]);
        var summary = await Run(Ingestor(settings: Settings with { FreshnessHours = 0 }), S("JUMP"));
        Assert.Contains("last stored close", Assert.Single(summary.Rejected).Reason, StringComparison.Ordinal);
        Assert.Equal(early.Count, _store.Read(S("JUMP"), Timeframe.Day1).Count);
    }

    [Fact]
    public async Task The_summary_is_saved_when_the_run_ends()
    {
        var summary = await Run(Ingestor(), S("AAA"));
        Assert.Same(summary, Assert.Single(_saved));
    }

    [Fact]
    public async Task Progress_is_published_for_every_symbol()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(IngestionProgress));
        await Run(Ingestor(), S("AAA"), S("BBB"), S("CCC"));
        var progress = new[] { await probe.ExpectMsgAsync<IngestionProgress>(), await probe.ExpectMsgAsync<IngestionProgress>(), await probe.ExpectMsgAsync<IngestionProgress>() };
        Assert.Equal([1, 2, 3], progress.Select(p => p.Done));
        Assert.Equal(120, progress[^1].BarsWritten);
    }

    [Fact]
    public async Task A_second_start_while_running_is_refused()
    {
        var gated = new GatedProvider();
        var ingestor = Ingestor(gated);
        ingestor.Tell(new StartIngestion(new IngestionRequest("first", [S("AAA")], Timeframe.Day1, Start, End)), TestActor);
        await gated.FirstCall;
        ingestor.Tell(new StartIngestion(new IngestionRequest("second", [S("BBB")], Timeframe.Day1, Start, End)), TestActor);
        var refused = await ExpectMsgAsync<IngestionRefused>();
        Assert.Contains("first", refused.Reason, StringComparison.Ordinal);
        gated.Open();
        Assert.Equal("first", (await ExpectMsgAsync<IngestionCompleted>()).Summary.RunId);
    }

    [Fact]
    public async Task Stopping_a_run_completes_it_as_cancelled_with_what_was_done()
    {
        var gated = new GatedProvider();
        var ingestor = Ingestor(gated, Settings with { Parallelism = 1 });
        ingestor.Tell(new StartIngestion(new IngestionRequest("stopped", [S("AAA"), S("BBB"), S("CCC")], Timeframe.Day1, Start, End)), TestActor);
        await gated.FirstCall;
        ingestor.Tell(new StopIngestion(), TestActor);
        // Messages from one sender arrive in order: once this start is refused, the stop has been handled.
        ingestor.Tell(new StartIngestion(new IngestionRequest("probe", [S("DDD")], Timeframe.Day1, Start, End)), TestActor);
        await ExpectMsgAsync<IngestionRefused>();
        gated.Open();
        var summary = (await ExpectMsgAsync<IngestionCompleted>()).Summary;
        Assert.True(summary.Cancelled);
        Assert.True(summary.SymbolsWritten < 3);
    }

    [Fact]
    public async Task An_empty_range_is_refused()
    {
        Ingestor().Tell(new StartIngestion(new IngestionRequest("empty", [S("AAA")], Timeframe.Day1, End, Start)), TestActor);
        Assert.Contains("empty", (await ExpectMsgAsync<IngestionRefused>()).Reason, StringComparison.Ordinal);
    }
}
