namespace ActorTrader.Backtest.Reports;

/// <summary>The compounded return of the periods whose UTC date falls in <see cref="Year"/>-<see cref="Month"/>.</summary>
/// <param name="Year">Calendar year (UTC).</param>
/// <param name="Month">Calendar month 1–12 (UTC).</param>
/// <param name="Return">Π(1 + r) − 1 over the month's periods.</param>
/// <param name="Periods">How many periods fell in the month.</param>
public sealed record MonthlyReturn(int Year, int Month, double Return, int Periods);
