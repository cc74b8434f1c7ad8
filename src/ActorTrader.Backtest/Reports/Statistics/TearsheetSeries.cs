namespace ActorTrader.Backtest.Reports;

/// <summary>The per-period series behind the charts and <c>returns.csv</c>, computed once per report.</summary>
internal sealed record TearsheetSeries(double[] Returns, double[] Equity, double[] Drawdown, double[] RollingSharpe, double[]? BenchmarkEquity)
{
    public static TearsheetSeries Of(TearsheetData data, TearsheetOptions options)
    {
        double[] returns = [.. data.Returns];
        return new TearsheetSeries(
            returns,
            ReportSeries.Equity(returns),
            ReportSeries.Drawdown(returns),
            ReportSeries.RollingSharpe(returns, options.RollingSharpeWindow, options.RiskFreePerYear, data.PeriodsPerYear),
            data.BenchmarkReturns is { } bench ? ReportSeries.Equity(bench) : null);
    }
}
