namespace ActorTrader.Trading.Host.Reports;

/// <summary>The headline figures of a run from its daily NAVs (daily returns, 252 days a year).</summary>
public sealed record RunStatistics(decimal StartNav, decimal EndNav, double TotalReturn, double AnnualisedReturn, double AnnualisedVolatility, double Sharpe, double MaxDrawdown, int Days)
{
    public static RunStatistics Of(decimal initial, IReadOnlyList<decimal> navs)
    {
        ArgumentNullException.ThrowIfNull(navs);
        if (navs.Count == 0 || initial <= 0) return new RunStatistics(initial, navs.Count == 0 ? initial : navs[^1], 0, 0, 0, 0, 0, navs.Count);
        var returns = Returns(initial, navs);
        var total = (double)(navs[^1] / initial) - 1;
        var mean = returns.Average();
        var volatility = returns.Count > 1 ? Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1)) : 0;
        var annualised = Math.Pow(1 + total, 252.0 / returns.Count) - 1;
        var sharpe = volatility > 0 ? mean / volatility * Math.Sqrt(252) : 0;
        double peak = (double)initial, drawdown = 0;
        foreach (var nav in navs.Select(n => (double)n))
        {
            peak = Math.Max(peak, nav);
            drawdown = Math.Max(drawdown, peak > 0 ? 1 - nav / peak : 0);
        }
        return new RunStatistics(initial, navs[^1], total, annualised, volatility * Math.Sqrt(252), sharpe, drawdown, navs.Count);
    }

    /// <summary>Daily simple returns: the first against the initial capital, then day over day.</summary>
    public static IReadOnlyList<double> Returns(decimal initial, IReadOnlyList<decimal> navs)
    {
        var returns = new List<double>(navs.Count);
        var previous = initial;
        foreach (var nav in navs)
        {
            returns.Add(previous > 0 ? (double)(nav / previous) - 1 : 0);
            previous = nav;
        }
        return returns;
    }
}
