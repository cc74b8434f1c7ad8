using ActorTrader.Data.Runs;
using ActorTrader.Data.Scanners;

namespace ActorTrader.Cli.Data;

/// <summary>
/// <c>actortrader scan</c>: lints every scanner file first and fetches nothing while any has a problem (each printed
/// as file:line:col with its fix, exit 1); then runs each scanner and writes its candidates to
/// <c>data/export/&lt;RUN_ID&gt;/candidates.json</c>, one run id per scanner, printed for <c>ingest --from-scan</c>.
/// </summary>
internal sealed class ScanCommandRunner(CliContext context, TimeProvider clock)
{
    public async Task<int> RunAsync(string? configFile, IReadOnlyList<string> scanners, bool lintOnly, CancellationToken cancellationToken)
    {
        var environment = DataEnvironment.Load(context, configFile);
        var files = ScannerFiles(environment.Settings.ScannersDir, scanners);
        var results = files.Select(ScannerLint.LintFile).ToList();
        var problems = results.SelectMany(r => r.Problems).ToList();
        foreach (var problem in problems)
        {
            await context.Out.WriteLineAsync($"{problem.Location}: {problem.Message}").ConfigureAwait(false);
            await context.Out.WriteLineAsync($"    fix: {problem.Fix}").ConfigureAwait(false);
        }
        if (problems.Count > 0)
        {
            await context.Out.WriteLineAsync($"{problems.Count} problem(s) in {results.Count(r => !r.IsClean)} of {results.Count} scanner file(s); nothing was fetched.").ConfigureAwait(false);
            return ExitCodes.Problems;
        }
        if (lintOnly)
        {
            await context.Out.WriteLineAsync($"OK: {results.Count} scanner file(s) have no problems.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var store = environment.OpenStore(clock);
        var exports = environment.Exports(clock);
        foreach (var scanner in results.Select(r => r.Definition!))
        {
            var provider = ProviderFactory.Create(scanner.Universe.Provider ?? environment.Settings.Provider, environment.Settings, environment.Node.Broker.Alpaca);
            var result = await new ScanRunner(provider, store, clock, environment.Settings.Ingestion.Parallelism).RunAsync(scanner, cancellationToken).ConfigureAwait(false);
            var run = RunId.New(clock.GetUtcNow());
            var path = CandidateFile.Write(exports, run, result, provider.IsSynthetic);
            var failed = string.Join(", ", result.FailedByFilter.OrderByDescending(f => f.Value).Select(f => $"{f.Key} {f.Value}"));
            await context.Out.WriteLineAsync($"{scanner.Name}: {result.Candidates.Count} candidate(s) of {result.Evaluated} evaluated ({provider.Name}{(failed.Length > 0 ? $"; failed: {failed}" : "")})").ConfigureAwait(false);
            foreach (var (symbol, error) in result.Errors) await context.Out.WriteLineAsync($"  error {symbol}: {error}").ConfigureAwait(false);
            await context.Out.WriteLineAsync($"  run {run} -> {path}").ConfigureAwait(false);
        }
        return ExitCodes.Ok;
    }

    /// <summary>The files named (a path, or a name in the scanners directory), or every *.conf there.</summary>
    private static List<string> ScannerFiles(string directory, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            if (!Directory.Exists(directory))
                throw new CliException(ExitCodes.Problems, $"The scanners directory {directory} does not exist. Fix: set actortrader.data.scanners.dir or pass --scanner FILE.");
            var all = Directory.GetFiles(directory, "*.conf").Order(StringComparer.Ordinal).ToList();
            return all.Count > 0 ? all : throw new CliException(ExitCodes.Problems, $"{directory} has no *.conf scanner. Fix: add one (see hocon/scanners/README.md) or pass --scanner FILE.");
        }
        return [.. names.Select(name =>
        {
            var candidates = new[] { name, Path.Combine(directory, name), Path.Combine(directory, name + ".conf") };
            return candidates.FirstOrDefault(File.Exists) is { } found ? Path.GetFullPath(found)
                : throw new CliException(ExitCodes.Problems, $"Scanner \"{name}\" is neither a file nor a scanner in {directory}. Fix: pass a path or one of {string.Join(", ", Directory.Exists(directory) ? Directory.GetFiles(directory, "*.conf").Select(Path.GetFileNameWithoutExtension) : [])}.");
        })];
    }
}
