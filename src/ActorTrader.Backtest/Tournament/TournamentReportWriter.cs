using System.Globalization;
using System.Text;
using ActorTrader.Backtest.Results;

namespace ActorTrader.Backtest.Tournament;

/// <summary>The tournament report as Markdown (a table, one row per engine × profile, errors in the status column) and as JSON; both deterministic.</summary>
public static class TournamentReportWriter
{
    public static string Markdown(TournamentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var b = new StringBuilder();
        b.Append("# Tournament ").Append(report.RunId.Length > 0 ? report.RunId : "(no run id)").Append("\n\n");
        b.Append(CultureInfo.InvariantCulture,
            $"{report.Engines.Count} engines × {report.Profiles.Count} profiles. Idealised: vectorised, no costs. Realised: event-driven, fills at the next open, " +
            $"slippage {Fixed(report.Realised.SlippageBps, 1)} bps, commission {Fixed(report.Realised.CommissionBps, 1)} bps, {report.Realised.Account.ToString().ToLowerInvariant()} account. " +
            $"Rebalance {report.Rebalance}, lookback {report.Lookback} bars. Decay = realised Sharpe ÷ idealised Sharpe.");
        if (report.TargetVolatility is { } volatility) b.Append(" Target volatility of efficient-risk: ").Append(Percent(volatility)).Append(" a year.");
        if (report.TargetReturn is { } target) b.Append(" Target return of efficient-return: ").Append(Percent(target)).Append(" a year.");
        b.Append("\n\n");
        b.Append("| engine | profile | idealised Sharpe | realised Sharpe | decay | realised total return | realised max drawdown | trades | status |\n");
        b.Append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var c in report.Cells)
        {
            b.Append("| ").Append(Cell(c.Engine)).Append(" | ").Append(Cell(c.Profile)).Append(" | ");
            if (c.Failed)
            {
                b.Append("— | — | — | — | — | — | error: ").Append(Cell(c.Error!)).Append(" |\n");
                continue;
            }
            b.Append(Fixed(c.Idealised!.Sharpe, 3)).Append(" | ")
                .Append(Fixed(c.Realised!.Sharpe, 3)).Append(" | ")
                .Append(Fixed(c.Decay!.Ratio, 3)).Append(" | ")
                .Append(Percent(c.Realised.TotalReturn)).Append(" | ")
                .Append(Percent(c.Realised.MaxDrawdown)).Append(" | ")
                .Append(c.Realised.Trades.ToString(CultureInfo.InvariantCulture)).Append(" | ok |\n");
        }
        return b.ToString();
    }

    public static string Json(TournamentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var b = new StringBuilder();
        b.Append("{\n  \"run_id\": ").Append(JsonText.String(report.RunId)).Append(",\n");
        b.Append("  \"engines\": [").AppendJoin(", ", report.Engines.Select(JsonText.String)).Append("],\n");
        b.Append("  \"profiles\": [").AppendJoin(", ", report.Profiles.Select(JsonText.String)).Append("],\n");
        b.Append("  \"rebalance\": ").Append(JsonText.String(report.Rebalance.ToString())).Append(",\n");
        b.Append("  \"lookback\": ").Append(JsonText.Number(report.Lookback)).Append(",\n");
        b.Append("  \"slippage_bps\": ").Append(JsonText.Number(report.Realised.SlippageBps)).Append(",\n");
        b.Append("  \"commission_bps\": ").Append(JsonText.Number(report.Realised.CommissionBps)).Append(",\n");
        b.Append("  \"target_volatility\": ").Append(report.TargetVolatility is { } v ? JsonText.Number(v) : "null").Append(",\n");
        b.Append("  \"target_return\": ").Append(report.TargetReturn is { } r ? JsonText.Number(r) : "null").Append(",\n");
        b.Append("  \"cells\": [");
        for (var i = 0; i < report.Cells.Count; i++)
        {
            var c = report.Cells[i];
            b.Append(i == 0 ? "\n" : ",\n")
                .Append("    {\"engine\": ").Append(JsonText.String(c.Engine))
                .Append(", \"profile\": ").Append(JsonText.String(c.Profile))
                .Append(", \"idealised\": ").Append(c.Idealised is null ? "null" : BacktestStatisticsJson.Write(c.Idealised))
                .Append(", \"realised\": ").Append(c.Realised is null ? "null" : BacktestStatisticsJson.Write(c.Realised))
                .Append(", \"alpha_decay\": ").Append(c.Decay is null ? "null" :
                    $"{{\"idealised_sharpe\": {JsonText.Number(c.Decay.IdealisedSharpe)}, \"realised_sharpe\": {JsonText.Number(c.Decay.RealisedSharpe)}, " +
                    $"\"ratio\": {JsonText.Number(c.Decay.Ratio)}, \"difference\": {JsonText.Number(c.Decay.Difference)}}}")
                .Append(", \"error\": ").Append(JsonText.String(c.Error))
                .Append('}');
        }
        b.Append("\n  ]\n}\n");
        return b.ToString();
    }

    private static string Fixed(double value, int digits) =>
        double.IsFinite(value) ? value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "n/a";

    private static string Percent(double value) => double.IsFinite(value) ? (value * 100).ToString("F2", CultureInfo.InvariantCulture) + "%" : "n/a";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
}
