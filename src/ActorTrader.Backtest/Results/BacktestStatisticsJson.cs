namespace ActorTrader.Backtest.Results;

/// <summary>
/// The <c>--json</c> line of a backtest: <c>{"run_id", "total_return", "cagr", "sharpe", "sortino", "max_drawdown",
/// "trades", "turnover", "final_equity"}</c> in that order, one line, doubles round-trip, undefined ratios as null.
/// </summary>
public static class BacktestStatisticsJson
{
    public static string Write(BacktestStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return "{" +
            $"\"run_id\": {JsonText.String(statistics.RunId)}, " +
            $"\"total_return\": {JsonText.Number(statistics.TotalReturn)}, " +
            $"\"cagr\": {JsonText.Number(statistics.Cagr)}, " +
            $"\"sharpe\": {JsonText.Number(statistics.Sharpe)}, " +
            $"\"sortino\": {JsonText.Number(statistics.Sortino)}, " +
            $"\"max_drawdown\": {JsonText.Number(statistics.MaxDrawdown)}, " +
            $"\"trades\": {JsonText.Number(statistics.Trades)}, " +
            $"\"turnover\": {JsonText.Number(statistics.Turnover)}, " +
            $"\"final_equity\": {JsonText.Number(statistics.FinalEquity)}" +
            "}";
    }
}
