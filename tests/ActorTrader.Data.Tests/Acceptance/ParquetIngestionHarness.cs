using ActorTrader.Actors;
using ActorTrader.Data.Ingestion;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers;
using ActorTrader.Data.Settings;
using ActorTrader.Data.Tests.Lakehouse.Support;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Streams;

namespace ActorTrader.Data.Tests.Acceptance;

/// <summary>
/// The ingestion actor end to end on a real Parquet lakehouse in a temp directory, with the real NYSE and crypto
/// calendars and a fixed clock. Each run opens a fresh <see cref="ParquetBarStore"/>, as a new CLI process would.
/// </summary>
public abstract class ParquetIngestionHarness : TestKit.TestKit, IDisposable
{
    /// <summary>Long after the ranges the tests ingest, so every session is closed and expected.</summary>
    protected static readonly DateTimeOffset Now = new(2024, 6, 3, 12, 0, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset Jan1 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset Mar1 = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset Apr1 = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);

    protected static readonly IngestionSettings Settings = IngestionSettings.Default with
    {
        FreshnessHours = 0,
        Parallelism = 2,
        WriteBatchSize = 2,
        MaxAttempts = 2,
        WriteBatchInterval = TimeSpan.FromMilliseconds(50),
    };

    private readonly TempDirectory _directory = new();
    private readonly Ingestion.ManualClock _clock = new(Now);

    protected LakehouseLayout Layout => new(_directory.Path);

    protected TimeProvider Clock => _clock;

    protected ParquetBarStore OpenStore() => new(Layout, clock: _clock);

    protected static Symbol S(string text) => Symbol.Parse(text);

    /// <summary>Runs one ingestion through the actor and returns its summary; fails the test when the run is refused.</summary>
    protected async Task<IngestionSummary> IngestAsync(IMarketDataProvider provider, IBarStore store, DateTimeOffset start, DateTimeOffset end,
        IngestionSettings? settings = null, params Symbol[] symbols)
    {
        var dependencies = new IngestionDependencies(provider, store, settings ?? Settings, CalendarOf, _clock)
        {
            Delay = (_, _) => Task.CompletedTask,
            Jitter = () => 0,
        };
        var ingestor = Sys.ActorOf(IngestionActor.Props(dependencies, Sys.Materializer()));
        ingestor.Tell(new StartIngestion(new IngestionRequest($"run-{Guid.NewGuid():N}", symbols, Timeframe.Day1, start, end)), TestActor);
        var answer = await ExpectMsgAsync<object>(m => m is IngestionCompleted or IngestionRefused, hint: "the run's end");
        Sys.Stop(ingestor);
        return answer switch
        {
            IngestionCompleted completed => completed.Summary,
            IngestionRefused refused => throw new Xunit.Sdk.XunitException($"the ingestion run failed as a whole: {refused.Reason}"),
            _ => throw new InvalidOperationException(answer.GetType().Name),
        };
    }

    protected static IMarketCalendar CalendarOf(Symbol symbol) => MarketCalendars.For(AssetProfiles.Infer(symbol), symbol.Exchange);

    /// <summary>Every file under the lakehouse with its bytes and last write time.</summary>
    protected IReadOnlyDictionary<string, (byte[] Bytes, DateTime Written)> Snapshot() =>
        Directory.GetFiles(_directory.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(_directory.Path, p), p => (File.ReadAllBytes(p), File.GetLastWriteTimeUtc(p)));

    public void Dispose()
    {
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }
}
