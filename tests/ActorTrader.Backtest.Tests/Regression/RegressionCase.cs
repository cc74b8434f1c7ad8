using ActorTrader.Backtest.Results;

namespace ActorTrader.Backtest.Tests.Regression;

/// <summary>A named backtest (LEAN's regression algorithms are the model) and the statistics it must reproduce.</summary>
internal sealed record RegressionCase(string Name, Func<Task<BacktestResult>> Run, ExpectedStatistics Expected);

/// <summary>Pinned figures: trades and final equity exact, ratios to 10 significant digits.</summary>
internal sealed record ExpectedStatistics(
    int Trades,
    decimal FinalEquity,
    double TotalReturn,
    double Cagr,
    double Sharpe,
    double Sortino,
    double MaxDrawdown,
    double Turnover);
