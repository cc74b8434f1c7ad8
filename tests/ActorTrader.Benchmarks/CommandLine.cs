namespace ActorTrader.Benchmarks;

/// <summary>The parsed arguments: one suite name and flags, or an error to print with the usage.</summary>
internal sealed record CommandLine(string Suite, BenchmarkOptions Options, string? Error, bool ShowHelp)
{
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        string? suite = null;
        bool json = false, quick = false;
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--json": json = true; break;
                case "--quick": quick = true; break;
                case "-h" or "--help": return new CommandLine("", BenchmarkOptions.Default, null, ShowHelp: true);
                case var flag when flag.StartsWith('-'):
                    return Failed($"Unknown option \"{flag}\".");
                case var name when suite is null: suite = name; break;
                default: return Failed($"Only one suite per run; got \"{suite}\" and \"{arg}\".");
            }
        }
        return suite is null
            ? Failed("No benchmark suite given.")
            : new CommandLine(suite, new BenchmarkOptions(Quick: quick, Json: json), null, ShowHelp: false);
    }

    public static string Usage(IEnumerable<IBenchmarkSuite> suites) =>
        "Usage: dotnet run -c Release --project tests/ActorTrader.Benchmarks -- <suite> [--json] [--quick]\n" +
        "  --json   one JSON object per figure and line (default: a table)\n" +
        "  --quick  short mode (a few seconds per suite); default is the full mode\n" +
        "Suites:\n" +
        string.Join('\n', suites.Select(s => $"  {s.Name,-12} {s.Description}"));

    private static CommandLine Failed(string error) => new("", BenchmarkOptions.Default, error, ShowHelp: false);
}
