namespace ActorTrader.Backtest.Reports;

/// <summary>
/// Writes a run's tearsheet into a directory: <c>tearsheet.html</c> (charts and tables, self-contained), <c>summary.md</c>,
/// <c>returns.csv</c> (date, return, equity, drawdown), <c>weights.csv</c> (when weights are given) and
/// <c>statistics.json</c>. Everything is rendered in memory first, so invalid input fails before any file is touched;
/// each file is then replaced atomically. Same input and options → byte-identical files.
/// </summary>
public sealed class TearsheetWriter
{
    public const string HtmlFileName = "tearsheet.html";
    public const string SummaryFileName = "summary.md";
    public const string ReturnsFileName = "returns.csv";
    public const string WeightsFileName = "weights.csv";
    public const string StatisticsFileName = "statistics.json";

    private readonly TearsheetOptions _options;

    /// <summary>A writer with <paramref name="options"/> (defaults: 63-bar rolling Sharpe, top 8 assets, rf = 0, 95% VaR).</summary>
    public TearsheetWriter(TearsheetOptions? options = null)
    {
        _options = options ?? new TearsheetOptions();
        _options.Validate();
    }

    /// <summary>Validates <paramref name="data"/>, computes the statistics and writes the files into <paramref name="directory"/> (created when missing).</summary>
    public TearsheetOutput Write(TearsheetData data, string directory)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var stats = TearsheetStatistics.Compute(data, _options);
        var series = TearsheetSeries.Of(data, _options);

        var html = TearsheetHtml.Render(data, stats, series, _options);
        var summary = SummaryMarkdown.Render(data, stats);
        var returns = ReturnsCsv.Render(data.Dates, series.Returns, series.Equity, series.Drawdown);
        var weights = data.Weights is { } w ? WeightsCsv.Render(w) : null;
        var json = StatisticsJson.Render(data, stats, _options);

        var dir = Path.GetFullPath(directory);
        Directory.CreateDirectory(dir);
        var output = new TearsheetOutput(
            Path.Combine(dir, HtmlFileName),
            Path.Combine(dir, SummaryFileName),
            Path.Combine(dir, ReturnsFileName),
            weights is null ? null : Path.Combine(dir, WeightsFileName),
            Path.Combine(dir, StatisticsFileName),
            stats);
        // Data first and the page last: a reader who finds tearsheet.html finds its data files beside it.
        ReportFile.WriteText(output.ReturnsCsv, returns);
        if (output.WeightsCsv is not null) ReportFile.WriteText(output.WeightsCsv, weights!);
        ReportFile.WriteBytes(output.StatisticsJson, json);
        ReportFile.WriteText(output.Summary, summary);
        ReportFile.WriteText(output.Html, html);
        return output;
    }
}
