using ActorTrader.Backtest.Reports;
using ActorTrader.Data.Runs;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// <c>actortrader report RUN_ID|latest</c>: finds <c>data/runs/&lt;RUN_ID&gt;/</c>, (re)writes its <c>INDEX.md</c> (keeping
/// the profile it names), and prints the index and the run's summary — the first of <c>summary.md</c> (backtests),
/// <c>meta_portfolio_report.md</c>, <c>tournament_report.md</c> and <c>sleeve_report.md</c> that the run holds. An
/// unknown run id exits 1 naming the runs directory and its newest runs.
/// </summary>
internal sealed class ReportCommandRunner(CliContext context)
{
    public const string Latest = "latest";

    /// <summary>Summary files in the order they are looked for.</summary>
    public static IReadOnlyList<string> SummaryFiles { get; } =
        [TearsheetWriter.SummaryFileName, "meta_portfolio_report.md", TournamentCommandRunner.ReportFile, SleevePipeline.ReportFile];

    private const int NewestShown = 5;

    public async Task<int> RunAsync(string? configFile, string id, CancellationToken cancellationToken)
    {
        var runs = ResearchEnvironment.Load(context, configFile).Runs;
        var run = Resolve(runs, id.Trim());
        var directory = runs.DirectoryOf(run);
        var index = BacktestArtifacts.WriteIndex(directory, run, ProfileOf(directory));
        await context.Out.WriteAsync(await File.ReadAllTextAsync(index, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        var summary = SummaryFiles.Select(name => Path.Combine(directory, name)).FirstOrDefault(File.Exists);
        if (summary is null)
        {
            await context.Out.WriteLineAsync($"{Environment.NewLine}(The run has no summary file yet: none of {string.Join(", ", SummaryFiles)}.)").ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        await context.Out.WriteLineAsync($"{Environment.NewLine}== {summary} =={Environment.NewLine}").ConfigureAwait(false);
        await context.Out.WriteAsync(await File.ReadAllTextAsync(summary, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static RunId Resolve(RunArtifacts runs, string id)
    {
        if (id == Latest)
        {
            RunId? latest;
            try
            {
                latest = runs.Latest();
            }
            catch (InvalidDataException e)
            {
                throw new CliException(ExitCodes.Problems, e.Message, e);
            }
            if (latest is { } found && Directory.Exists(runs.DirectoryOf(found))) return found;
            throw Unknown(runs, latest is null ? $"There is no latest run in {runs.Root}." : $"{Path.Combine(runs.Root, RunArtifacts.LatestName)} points at {latest}, whose directory is gone.");
        }
        if (RunId.TryParse(id, out var run) && Directory.Exists(runs.DirectoryOf(run))) return run;
        return RunId.TryParse(id, out _)
            ? throw Unknown(runs, $"There is no run {id} in {runs.Root}.")
            : throw Unknown(runs, $"\"{id}\" is not a run id (the form is 20261121T203000Z-3f9a1c) and names no run in {runs.Root}.");
    }

    private static CliException Unknown(RunArtifacts runs, string what)
    {
        var newest = Directory.Exists(runs.Root)
            ? Directory.EnumerateDirectories(runs.Root).Select(Path.GetFileName)
                .Where(n => RunId.TryParse(n, out _)).OfType<string>()
                .OrderDescending(StringComparer.Ordinal).Take(NewestShown).ToList()
            : [];
        var fix = newest.Count == 0
            ? "There are no runs yet; `actortrader backtest --strategy mean_reversion` makes one."
            : $"Newest runs: {string.Join(", ", newest)} (or `latest`).";
        return new CliException(ExitCodes.Problems, $"{what} {fix}");
    }

    /// <summary>The profile the run's INDEX.md names, else what its files show it to be.</summary>
    private static string ProfileOf(string directory)
    {
        var index = Path.Combine(directory, RunIndexWriter.FileName);
        if (File.Exists(index))
        {
            const string prefix = "| Profile |";
            var line = File.ReadLines(index).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            var value = line?[prefix.Length..].TrimEnd().TrimEnd('|').Trim();
            if (!string.IsNullOrEmpty(value)) return value;
        }
        return File.Exists(Path.Combine(directory, "meta_portfolio_report.md")) ? "meta"
            : File.Exists(Path.Combine(directory, TournamentCommandRunner.ReportFile)) ? "tournament"
            : File.Exists(Path.Combine(directory, SleevePipeline.ReportFile)) ? "sleeve"
            : File.Exists(Path.Combine(directory, BacktestArtifacts.RunFile)) ? "backtest"
            : "run";
    }
}
