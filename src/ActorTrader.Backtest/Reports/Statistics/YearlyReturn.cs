namespace ActorTrader.Backtest.Reports;

/// <summary>The compounded return of the periods whose UTC date falls in <see cref="Year"/>.</summary>
public sealed record YearlyReturn(int Year, double Return, int Periods);
