namespace ActorTrader.Backtest.Reports;

/// <summary>Checks shared by the report inputs; each error names the series, the date and the fix.</summary>
internal static class SeriesChecks
{
    public static void StrictlyIncreasing(IReadOnlyList<DateTimeOffset> dates, string name)
    {
        for (var t = 1; t < dates.Count; t++)
        {
            if (dates[t].UtcTicks <= dates[t - 1].UtcTicks)
                throw new ArgumentException(
                    $"{name}[{t}] ({ReportFormat.Date(dates[t])}) is not after {name}[{t - 1}] ({ReportFormat.Date(dates[t - 1])}); dates must be strictly increasing in UTC.", name);
        }
    }

    public static void ValidReturns(IReadOnlyList<double> returns, IReadOnlyList<DateTimeOffset> dates, string name)
    {
        for (var t = 0; t < returns.Count; t++)
        {
            var r = returns[t];
            if (double.IsNaN(r))
                throw new ArgumentException($"{name} at {ReportFormat.Date(dates[t])} (index {t}) is NaN; drop or fill that period before reporting.", name);
            if (double.IsInfinity(r))
                throw new ArgumentException($"{name} at {ReportFormat.Date(dates[t])} (index {t}) is infinite; returns must be finite.", name);
            if (r < -1)
                throw new ArgumentException($"{name} at {ReportFormat.Date(dates[t])} (index {t}) is {ReportFormat.Number(r)}, a loss of more than everything; returns must be ≥ −1.", name);
        }
    }
}
