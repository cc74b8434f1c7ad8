namespace ActorTrader.Backtest.Reports;

/// <summary>
/// One-line descriptions of the artifact files runs are known to write, by file name. A writer of a new artifact can pass
/// its own descriptions to <see cref="RunIndexWriter"/> (they win over these) or ask for them to be added here.
/// </summary>
public static class ArtifactDescriptions
{
    /// <summary>Descriptions by file name (ordinal).</summary>
    public static IReadOnlyDictionary<string, string> Known { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [TearsheetWriter.HtmlFileName] = "Tearsheet: equity, drawdown, rolling Sharpe, monthly returns and weights (self-contained HTML).",
        [TearsheetWriter.SummaryFileName] = "Statistics and monthly returns in Markdown.",
        [TearsheetWriter.ReturnsFileName] = "Per-period returns with equity and drawdown (CSV).",
        [TearsheetWriter.WeightsFileName] = "Signed asset weights, one column per asset (CSV).",
        [TearsheetWriter.StatisticsFileName] = "Performance statistics, monthly and yearly returns (JSON).",
        ["weights.json"] = "Signed asset weights of the optimised portfolio (JSON).",
        ["directional_sign_test.json"] = "Directional Correction Sign Test of the inverted short legs (written when the gate is on).",
        ["meta_portfolio_report.md"] = "Meta-portfolio report: completeness and sign-test gates, meta-weights, PASS/FAIL status.",
        ["meta_weights.json"] = "Meta-portfolio weights per sleeve (JSON).",
        ["meta_alignment.json"] = "Meta-portfolio: common dates of the sleeves' return streams and the dates dropped per sleeve (JSON).",
        ["asset_weights.json"] = "Meta-portfolio: flattened signed asset weights (JSON).",
        ["asset_weights.csv"] = "Meta-portfolio: flattened signed asset weights (CSV).",
        ["tournament_report.md"] = "Tournament: engines × profiles × simulators, idealised vs realised Sharpe.",
        ["errors.jsonl"] = "Errors recorded during the run, one JSON object per line.",
    };

    /// <summary>The description of <paramref name="relativePath"/>: an exact path match in <paramref name="extra"/>, then its file name in <paramref name="extra"/>, then in <see cref="Known"/>; null when none.</summary>
    public static string? Describe(string relativePath, IReadOnlyDictionary<string, string>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        if (extra is not null)
        {
            if (extra.TryGetValue(relativePath, out var exact)) return exact;
            if (extra.TryGetValue(name, out var byName)) return byName;
        }
        return Known.GetValueOrDefault(name);
    }
}
