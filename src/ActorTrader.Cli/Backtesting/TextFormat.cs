using System.Globalization;
using ActorTrader.Backtest.Results;

namespace ActorTrader.Cli.Backtesting;

/// <summary>Invariant-culture renderings the research commands print; undefined figures print as n/a.</summary>
internal static class TextFormat
{
    public static string Percent(double value) => double.IsFinite(value) ? (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a";

    public static string Fixed(double value, int digits = 3) =>
        double.IsFinite(value) ? value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "n/a";

    public static string Money(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The statistics block of a backtest summary, two lines.</summary>
    public static IEnumerable<string> Statistics(BacktestStatistics s)
    {
        ArgumentNullException.ThrowIfNull(s);
        yield return $"  total return {Percent(s.TotalReturn)}   CAGR {Percent(s.Cagr)}   Sharpe {Fixed(s.Sharpe)}   Sortino {Fixed(s.Sortino)}   max drawdown {Percent(s.MaxDrawdown)}";
        yield return $"  trades {Integer(s.Trades)}   turnover {Fixed(s.Turnover, 2)}x/yr   final equity {Money(s.FinalEquity)}";
    }
}
