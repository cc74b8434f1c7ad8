using System.Text;
using ActorTrader.Backtest.Reports;
using ActorTrader.Backtest.Results;
using ActorTrader.Data.Runs;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// Writes a command-line backtest into its run directory: <c>backtest_result.json</c> (statistics, every bar, order and
/// fill), the tearsheet (<c>tearsheet.html</c>, <c>summary.md</c>, <c>returns.csv</c>, <c>weights.csv</c>,
/// <c>statistics.json</c>), the caller's extra JSON documents, and <c>INDEX.md</c> last so it lists everything.
/// </summary>
internal static class BacktestArtifacts
{
    public const string ResultFile = "backtest_result.json";
    public const string RunFile = "backtest_run.json";
    public const string LookAheadFile = "look_ahead_audit.json";
    public const string WalkForwardFile = "walk_forward.json";

    /// <summary>Descriptions of the files only command-line runs write, for INDEX.md.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ResultFile] = "Backtest: statistics, then per bar return, equity, turnover and trades, then every order and fill (JSON).",
        [RunFile] = "Backtest inputs: strategy or sleeve, parameters, engine, simulator and costs, data source and window (JSON).",
        [LookAheadFile] = "Look-ahead audit: decision bars re-decided on a panel cut at the decision bar, and any difference (JSON).",
        [WalkForwardFile] = "Walk-forward: each window's train and test range, every candidate's train score, the choice and its test statistics (JSON).",
        ["tournament_report.json"] = "Tournament: every engine × profile cell with idealised and realised statistics or its error (JSON).",
    };

    /// <param name="documents">Extra files by name (e.g. <see cref="RunFile"/>), written before the tearsheet.</param>
    /// <returns>The path of the tearsheet page.</returns>
    public static string Write(string directory, RunId run, string profile, string title, BacktestResult result, BacktestStatistics statistics,
        IReadOnlyDictionary<string, string> notes, IReadOnlyDictionary<string, string> documents)
    {
        WriteText(Path.Combine(directory, ResultFile), BacktestResultJson.Write(result, statistics));
        foreach (var (name, text) in documents.OrderBy(d => d.Key, StringComparer.Ordinal)) WriteText(Path.Combine(directory, name), text);
        var symbols = result.Symbols.Select(s => s.ToString()).ToList();
        var rows = Enumerable.Range(0, result.Times.Count).Select(t => (IReadOnlyList<double>)result.HoldingsAt(t).ToArray()).ToList();
        var data = new TearsheetData(title, run.Value, profile, result.Times, result.Returns, result.PeriodsPerYear)
        {
            Weights = symbols.Count > 0 ? new WeightsHistory(result.Times, symbols, rows) : null,
            TradeCount = result.Trades,
            Turnover = double.IsFinite(statistics.Turnover) ? statistics.Turnover : null,
            Notes = notes,
        };
        string page;
        try
        {
            page = new TearsheetWriter().Write(data, directory).Html;
        }
        catch (ArgumentException e)
        {
            throw new CliException(ExitCodes.Problems, $"The backtest ran but its tearsheet cannot be drawn: {e.Message}", e);
        }
        WriteIndex(directory, run, profile);
        return page;
    }

    /// <summary>(Re)writes INDEX.md of <paramref name="directory"/>, describing the command-line files too.</summary>
    public static string WriteIndex(string directory, RunId run, string profile) =>
        new RunIndexWriter(Descriptions).Write(directory, new RunIndexHeader(profile, run.Value, run.StartedAt));

    public static void WriteText(string path, string text) => File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
