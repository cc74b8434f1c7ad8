namespace ActorTrader.Node.Dashboard;

/// <summary>
/// Risk figures from a daily NAV history: one-day historical VaR and CVaR (expected shortfall) at a confidence level, as
/// a loss in account currency at today's NAV; the deepest peak-to-trough drawdown; and beta to a benchmark's daily
/// closes on the dates both have. Plain historical simulation: no distribution is assumed.
/// </summary>
internal static class HistoricalRisk
{
    /// <summary>Fewest daily returns the tail figures are computed from; fewer say nothing about a 5% tail.</summary>
    public const int MinimumReturns = 20;

    /// <summary>Simple daily returns of consecutive NAVs (a non-positive NAV ends the series: a return from it is meaningless).</summary>
    public static IReadOnlyList<double> Returns(IReadOnlyList<decimal> navs)
    {
        ArgumentNullException.ThrowIfNull(navs);
        var returns = new List<double>(Math.Max(0, navs.Count - 1));
        for (var i = 1; i < navs.Count; i++)
        {
            if (navs[i - 1] <= 0m) break;
            returns.Add((double)(navs[i] / navs[i - 1] - 1m));
        }
        return returns;
    }

    /// <summary>
    /// The loss not exceeded on <paramref name="confidence"/> of days (VaR) and the mean loss on the days beyond it
    /// (CVaR), both at <paramref name="nav"/>; null when there are fewer than <see cref="MinimumReturns"/> returns.
    /// </summary>
    public static (decimal ValueAtRisk, decimal ExpectedShortfall)? TailLoss(IReadOnlyList<double> returns, decimal nav, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (confidence is <= 0.5 or >= 1.0) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence is a level between 0.5 and 1, e.g. 0.95.");
        if (returns.Count < MinimumReturns) return null;
        var sorted = returns.Order().ToArray();
        // The worst (1 - confidence) share of days, at least one.
        var tail = Math.Max(1, (int)Math.Floor(sorted.Length * (1.0 - confidence)));
        var varReturn = sorted[tail - 1];
        var cvarReturn = sorted.Take(tail).Average();
        return (Loss(varReturn, nav), Loss(cvarReturn, nav));
    }

    /// <summary>The deepest fall from a running peak, as a fraction of the peak (0 when the NAV never fell).</summary>
    public static double MaxDrawdown(IReadOnlyList<decimal> navs)
    {
        ArgumentNullException.ThrowIfNull(navs);
        decimal peak = 0m;
        double worst = 0;
        foreach (var nav in navs)
        {
            if (nav > peak) peak = nav;
            if (peak > 0m) worst = Math.Max(worst, (double)((peak - nav) / peak));
        }
        return worst;
    }

    /// <summary>
    /// Beta: cov(portfolio, benchmark) / var(benchmark) over the daily returns of the dates present in both series
    /// (consecutive common dates); null when fewer than <see cref="MinimumReturns"/> pairs or the benchmark never moved.
    /// </summary>
    public static double? Beta(IReadOnlyList<(DateOnly Date, decimal Nav)> portfolio, IReadOnlyDictionary<DateOnly, decimal> benchmarkCloses)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(benchmarkCloses);
        var common = portfolio.Where(p => benchmarkCloses.ContainsKey(p.Date)).ToList();
        var pairs = new List<(double P, double B)>();
        for (var i = 1; i < common.Count; i++)
        {
            var (previous, current) = (common[i - 1], common[i]);
            var b0 = benchmarkCloses[previous.Date];
            if (previous.Nav <= 0m || b0 <= 0m) continue;
            pairs.Add(((double)(current.Nav / previous.Nav - 1m), (double)(benchmarkCloses[current.Date] / b0 - 1m)));
        }
        if (pairs.Count < MinimumReturns) return null;
        var meanP = pairs.Average(p => p.P);
        var meanB = pairs.Average(p => p.B);
        var covariance = pairs.Sum(p => (p.P - meanP) * (p.B - meanB));
        var variance = pairs.Sum(p => (p.B - meanB) * (p.B - meanB));
        return variance > 0 ? covariance / variance : null;
    }

    // A return below zero is a loss; a "VaR" of a gain is reported as a loss of 0.
    private static decimal Loss(double dailyReturn, decimal nav) => Math.Round(Math.Max(0m, -(decimal)dailyReturn * nav), 2);
}
