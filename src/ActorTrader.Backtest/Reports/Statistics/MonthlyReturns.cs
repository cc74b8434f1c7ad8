namespace ActorTrader.Backtest.Reports;

/// <summary>
/// Returns compounded by calendar month and year in UTC (a bar stamped 2024-01-31 21:00 −05:00 is 2024-02-01 02:00 UTC
/// and counts for February). Months without periods are absent, not zero.
/// </summary>
public sealed class MonthlyReturns
{
    private readonly Dictionary<(int Year, int Month), MonthlyReturn> _byMonth;

    private MonthlyReturns(IReadOnlyList<MonthlyReturn> months, IReadOnlyList<YearlyReturn> years)
    {
        Months = months;
        Years = years;
        _byMonth = months.ToDictionary(m => (m.Year, m.Month));
    }

    /// <summary>Every month with at least one period, oldest first.</summary>
    public IReadOnlyList<MonthlyReturn> Months { get; }

    /// <summary>Compounded return of each calendar year with at least one period, oldest first.</summary>
    public IReadOnlyList<YearlyReturn> Years { get; }

    /// <summary>The month's return, or null when no period fell in it.</summary>
    public double? At(int year, int month) => _byMonth.TryGetValue((year, month), out var m) ? m.Return : null;

    /// <summary>Groups <paramref name="returns"/> by the UTC month of <paramref name="dates"/> (same length, increasing).</summary>
    public static MonthlyReturns From(IReadOnlyList<DateTimeOffset> dates, IReadOnlyList<double> returns)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(returns);
        if (dates.Count != returns.Count)
            throw new ArgumentException($"returns has {returns.Count} values but dates has {dates.Count}; pass one return per date.", nameof(returns));
        var months = new SortedDictionary<(int, int), (double Growth, int Count)>();
        var years = new SortedDictionary<int, (double Growth, int Count)>();
        for (var t = 0; t < dates.Count; t++)
        {
            var utc = dates[t].UtcDateTime;
            var key = (utc.Year, utc.Month);
            var (growth, count) = months.TryGetValue(key, out var m) ? m : (1.0, 0);
            months[key] = (growth * (1 + returns[t]), count + 1);
            var (yearGrowth, yearCount) = years.TryGetValue(utc.Year, out var y) ? y : (1.0, 0);
            years[utc.Year] = (yearGrowth * (1 + returns[t]), yearCount + 1);
        }
        return new MonthlyReturns(
            [.. months.Select(kv => new MonthlyReturn(kv.Key.Item1, kv.Key.Item2, kv.Value.Growth - 1, kv.Value.Count))],
            [.. years.Select(kv => new YearlyReturn(kv.Key, kv.Value.Growth - 1, kv.Value.Count))]);
    }
}
