using ActorTrader.Actors;
using ActorTrader.Data.Catalog;
using ActorTrader.Data.Ingestion;
using ActorTrader.Data.Runs;
using ActorTrader.Data.Scanners;
using ActorTrader.Domain.Instruments;
using ActorTrader.Streams;
using Spectre.Console;

namespace ActorTrader.Cli.Data;

/// <summary>
/// <c>actortrader ingest</c>: runs one ingestion in-process through an <see cref="IngestionActor"/>, shows a progress
/// bar on an interactive terminal, prints the summary and saves it as <c>data/runs/&lt;RUN_ID&gt;/ingest-summary.json</c>.
/// The run refreshes the lakehouse's symbol catalog (<c>symbols.parquet</c>) from the provider first; a metadata
/// problem is reported in the summary and does not change the exit code.
/// Exit 0 when every symbol was written or skipped as fresh, 1 when any was rejected or failed (the others are
/// still written).
/// </summary>
internal sealed class IngestRunner(CliContext context, TimeProvider clock)
{
    /// <summary>Default range when --start is not given: this many days before the end.</summary>
    public const int DefaultDays = 365;

    public async Task<int> RunAsync(string? configFile, IngestOptions options, CancellationToken cancellationToken)
    {
        var environment = DataEnvironment.Load(context, configFile);
        var settings = environment.Settings;
        var symbols = ResolveSymbols(environment, options);
        var now = clock.GetUtcNow();
        var (start, end) = Range(options, now);

        var provider = ProviderFactory.Create(options.Provider ?? settings.Provider, settings, environment.Node.Broker.Alpaca);
        var store = environment.OpenStore(clock);
        var summaries = new IngestionSummaryStore(environment.Runs);
        var ingestion = settings.Ingestion with { FreshnessHours = options.FreshnessHours ?? settings.Ingestion.FreshnessHours };
        var catalog = await OpenCatalogAsync(environment).ConfigureAwait(false);
        var dependencies = new IngestionDependencies(provider, store, ingestion, SymbolCalendars.For, clock) { Catalog = catalog, SaveSummary = summaries.Save };
        var run = RunId.New(now);
        var request = new IngestionRequest(run.Value, symbols, options.Timeframe, start, end);

        await using var system = ActorSystem.Create("actortrader-cli", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
        var ingestor = system.ActorOf(IngestionActor.Props(dependencies, system.Materializer()), "ingestion");
        var display = ProgressDisplay.Create(context, symbols.Count);
        system.ActorOf(ProgressRelay.Props(run.Value, display.Update), "progress");
        await using var stop = cancellationToken.Register(() => ingestor.Tell(new StopIngestion())).ConfigureAwait(false);
        object reply;
        using (display)
        {
            reply = await ingestor.Ask(new StartIngestion(request), timeout: null, CancellationToken.None).ConfigureAwait(false);
        }
        if (reply is IngestionRefused refused) throw new CliException(ExitCodes.Problems, $"Ingestion {refused.RunId} failed: {refused.Reason}");
        var summary = ((IngestionCompleted)reply).Summary;
        await context.Out.WriteAsync(IngestionSummaryText.Format(summary)).ConfigureAwait(false);
        await context.Out.WriteLineAsync($"Summary saved to {summaries.PathFor(run)}").ConfigureAwait(false);
        return summary.Rejected.Count + summary.Failed.Count == 0 && !summary.Cancelled ? ExitCodes.Ok : ExitCodes.Problems;
    }

    /// <summary>
    /// The lakehouse's symbol catalog, or null (with a warning on stderr) when its files cannot be read: a broken
    /// catalog costs the metadata refresh, never the bars.
    /// </summary>
    private async Task<SymbolCatalog?> OpenCatalogAsync(DataEnvironment environment)
    {
        try
        {
            return environment.OpenCatalog();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync(
                $"Warning: the symbol catalog in {environment.Layout.Root} cannot be opened, so this run does not refresh symbol metadata: {e.Message}").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>The range [start, end) in UTC: --end (default today), --start (default <see cref="DefaultDays"/> before the end).</summary>
    internal static (DateTimeOffset Start, DateTimeOffset End) Range(IngestOptions options, DateTimeOffset now)
    {
        var end = options.End is { } e ? new DateTimeOffset(e.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var start = options.Start is { } s ? new DateTimeOffset(s.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : end.AddDays(-DefaultDays);
        if (end <= start)
            throw new CliException(ExitCodes.Usage, $"--end {end:yyyy-MM-dd} is not after --start {start:yyyy-MM-dd}. Fix: give an end date later than the start.");
        return (start, end);
    }

    /// <summary>The symbols of --symbols or of the --from-scan run's candidates; none is a usage error.</summary>
    internal static IReadOnlyList<Symbol> ResolveSymbols(DataEnvironment environment, IngestOptions options)
    {
        var symbols = ListedSymbols(environment, options);
        if (symbols.Count == 0)
            throw new CliException(ExitCodes.Usage, "No symbols to ingest. Fix: pass --symbols NASDAQ:AAPL,NYSE:IBM or --from-scan RUN_ID.");
        return symbols;
    }

    private static IReadOnlyList<Symbol> ListedSymbols(DataEnvironment environment, IngestOptions options)
    {
        if (options.FromScan is null) return options.Symbols;
        if (options.Symbols.Count > 0)
            throw new CliException(ExitCodes.Usage, "--symbols and --from-scan were both given. Fix: pass one of them.");
        if (!RunId.TryParse(options.FromScan, out var run))
            throw new CliException(ExitCodes.Usage, $"--from-scan \"{options.FromScan}\" is not a run id. Fix: use the id `actortrader scan` printed, e.g. 20260105T143000Z-3f9a1c.");
        var path = environment.Exports(TimeProvider.System).PathOf(run, CandidateFile.Name);
        if (!File.Exists(path))
            throw new CliException(ExitCodes.Problems, $"Scan run {run} has no candidates file {path}. Fix: run `actortrader scan` and pass the run id it prints.");
        try
        {
            return CandidateFile.ReadSymbols(path);
        }
        catch (InvalidDataException e)
        {
            throw new CliException(ExitCodes.Problems, e.Message, e);
        }
    }

    /// <summary>A Spectre progress bar on stderr when it is an interactive terminal; nothing otherwise (tests, pipes, CI).</summary>
    private sealed class ProgressDisplay : IDisposable
    {
        private readonly ProgressTask? _task;
        private readonly TaskCompletionSource? _finished;
        private readonly Task? _rendering;

        private ProgressDisplay(ProgressTask? task, TaskCompletionSource? finished, Task? rendering)
        {
            _task = task;
            _finished = finished;
            _rendering = rendering;
        }

        public static ProgressDisplay Create(CliContext context, int total)
        {
            var interactive = ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected;
            if (!interactive) return new ProgressDisplay(null, null, null);
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes });
            var started = new TaskCompletionSource<ProgressTask>(TaskCreationOptions.RunContinuationsAsynchronously);
            var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var rendering = console.Progress().AutoClear(false).StartAsync(async progress =>
            {
                started.SetResult(progress.AddTask("ingest", maxValue: Math.Max(1, total)));
                await finished.Task.ConfigureAwait(false);
            });
            return new ProgressDisplay(started.Task.GetAwaiter().GetResult(), finished, rendering);
        }

        public void Update(IngestionProgress p)
        {
            if (_task is null) return;
            _task.Value = p.Done;
            _task.Description = $"ingest {p.Done}/{p.Requested}  written {p.BarsWritten:N0} bars  fresh {p.SkippedFresh}  rejected {p.Rejected}  failed {p.Failed}";
        }

        public void Dispose()
        {
            if (_finished is null) return;
            _finished.TrySetResult();
            _rendering!.GetAwaiter().GetResult();
        }
    }
}
