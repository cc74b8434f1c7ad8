using ActorTrader.Quant.Metrics;

namespace ActorTrader.Backtest.Reports;

/// <summary>
/// The statistics of one tearsheet, computed with ActorTrader.Quant's metrics (<see cref="PerformanceSummary"/>,
/// <see cref="Drawdowns"/>, <see cref="BenchmarkExposure"/>, <see cref="Turnover"/>) plus the calendar aggregation the
/// report needs (monthly and yearly compounding). <see cref="Items"/> is the ordered table every output shows.
/// </summary>
public sealed class TearsheetStatistics
{
    private readonly Dictionary<string, ReportStatistic> _byKey;

    private TearsheetStatistics(TearsheetData data, PerformanceSummary summary, PerformanceSummary? benchmark,
        MonthlyReturns monthly, IReadOnlyList<ReportStatistic> items)
    {
        Start = data.Dates[0];
        End = data.Dates[^1];
        Summary = summary;
        Benchmark = benchmark;
        Monthly = monthly;
        Items = items;
        _byKey = items.ToDictionary(i => i.Key, StringComparer.Ordinal);
        var episode = summary.MaxDrawdown;
        MaxDrawdownPeak = episode.PeakIndex >= 0 ? data.Dates[episode.PeakIndex] : null;
        MaxDrawdownTrough = episode.TroughIndex >= 0 ? data.Dates[episode.TroughIndex] : null;
        MaxDrawdownRecovery = episode.RecoveryIndex is { } r ? data.Dates[r] : null;
    }

    /// <summary>End of the first period (UTC).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>End of the last period (UTC).</summary>
    public DateTimeOffset End { get; }

    /// <summary>Quant's full summary of the portfolio returns.</summary>
    public PerformanceSummary Summary { get; }

    /// <summary>Quant's summary of the benchmark returns; null without a benchmark.</summary>
    public PerformanceSummary? Benchmark { get; }

    /// <summary>Returns by calendar month and year (UTC).</summary>
    public MonthlyReturns Monthly { get; }

    /// <summary>The statistics table in display order; optional rows (benchmark, trades, turnover) only when their input exists.</summary>
    public IReadOnlyList<ReportStatistic> Items { get; }

    /// <summary>Date of the high-water mark before the deepest drawdown; null when it was the starting capital or there was no drawdown.</summary>
    public DateTimeOffset? MaxDrawdownPeak { get; }

    /// <summary>Date of the deepest point; null when there was no drawdown.</summary>
    public DateTimeOffset? MaxDrawdownTrough { get; }

    /// <summary>Date equity regained the peak; null while still under water or without a drawdown.</summary>
    public DateTimeOffset? MaxDrawdownRecovery { get; }

    /// <summary>The statistic with <paramref name="key"/> (e.g. "sharpe"); throws naming the known keys when absent.</summary>
    public ReportStatistic Get(string key) =>
        _byKey.TryGetValue(key, out var s)
            ? s
            : throw new KeyNotFoundException($"No statistic \"{key}\"; known keys: {string.Join(", ", Items.Select(i => i.Key))}.");

    /// <summary>The statistic with <paramref name="key"/>, or null when this report has no such row.</summary>
    public ReportStatistic? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>Validates <paramref name="data"/> and <paramref name="options"/>, then computes every figure.</summary>
    public static TearsheetStatistics Compute(TearsheetData data, TearsheetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TearsheetOptions();
        options.Validate();
        data.Validate();
        double[] returns = [.. data.Returns];
        var ppy = data.PeriodsPerYear;
        var s = PerformanceSummary.Compute(returns, ppy, options.RiskFreePerYear, options.Confidence);
        var monthly = MonthlyReturns.From(data.Dates, returns);
        var confidence = ReportFormat.Fixed(options.Confidence * 100, 0) + "%";

        var items = new List<ReportStatistic>
        {
            new("total_return", "Total return", s.TotalReturn, StatisticKind.Percent),
            new("cagr", "CAGR", s.AnnualisedReturn, StatisticKind.Percent),
            new("annualised_volatility", "Volatility (annualised)", s.AnnualisedVolatility, StatisticKind.Percent),
            new("sharpe", "Sharpe ratio", s.Sharpe, StatisticKind.Ratio),
            new("sortino", "Sortino ratio", s.Sortino, StatisticKind.Ratio),
            new("calmar", "Calmar ratio", s.Calmar, StatisticKind.Ratio),
            new("omega", "Omega ratio", s.Omega, StatisticKind.Ratio),
            new("max_drawdown", "Max drawdown", s.MaxDrawdown.Depth, StatisticKind.Percent),
            new("max_drawdown_periods", "Max drawdown duration (periods)", s.MaxDrawdown.DurationPeriods, StatisticKind.Count),
            new("longest_drawdown_periods", "Longest drawdown (periods)", s.LongestDrawdownPeriods, StatisticKind.Count),
            new("best_month", "Best month", monthly.Months.Max(m => m.Return), StatisticKind.Percent),
            new("worst_month", "Worst month", monthly.Months.Min(m => m.Return), StatisticKind.Percent),
            new("positive_months", "Positive months", (double)monthly.Months.Count(m => m.Return > 0) / monthly.Months.Count, StatisticKind.Percent),
            new("best_period", "Best period", returns.Max(), StatisticKind.Percent),
            new("worst_period", "Worst period", returns.Min(), StatisticKind.Percent),
            new("win_rate", "Win rate (periods)", s.WinRate, StatisticKind.Percent),
            new("profit_factor", "Profit factor", s.ProfitFactor, StatisticKind.Ratio),
            new("historical_var", $"VaR {confidence} (historical, per period)", s.HistoricalVaR, StatisticKind.Percent),
            new("historical_cvar", $"CVaR {confidence} (historical, per period)", s.HistoricalCVaR, StatisticKind.Percent),
            new("skewness", "Skewness", s.Skewness, StatisticKind.Ratio),
            new("excess_kurtosis", "Excess kurtosis", s.ExcessKurtosis, StatisticKind.Ratio),
            new("tail_ratio", "Tail ratio", s.TailRatio, StatisticKind.Ratio),
            new("ulcer_index", "Ulcer index", s.UlcerIndex, StatisticKind.Percent),
            new("final_equity", "Final equity (start = 1)", 1 + s.TotalReturn, StatisticKind.Ratio),
            new("periods", "Periods", s.Periods, StatisticKind.Count),
        };
        if (data.TradeCount is { } trades) items.Add(new("trades", "Trades", trades, StatisticKind.Count));
        if (data.Turnover is { } turnover) items.Add(new("turnover", "Turnover", turnover, StatisticKind.Percent));
        if (data.Weights is { Rows.Count: >= 2 } weights)
        {
            var rows = weights.Rows.Select(r => r.ToArray()).ToList();
            items.Add(new("average_rebalance_turnover", "Turnover per rebalance (two-sided, mean)", Turnover.Average(rows), StatisticKind.Percent));
        }

        PerformanceSummary? benchmark = null;
        if (data.BenchmarkReturns is not null)
        {
            double[] bench = [.. data.BenchmarkReturns];
            benchmark = PerformanceSummary.Compute(bench, ppy, options.RiskFreePerYear, options.Confidence);
            items.Add(new("benchmark_total_return", "Benchmark total return", benchmark.TotalReturn, StatisticKind.Percent));
            items.Add(new("benchmark_cagr", "Benchmark CAGR", benchmark.AnnualisedReturn, StatisticKind.Percent));
            items.Add(new("benchmark_sharpe", "Benchmark Sharpe ratio", benchmark.Sharpe, StatisticKind.Ratio));
            items.Add(new("benchmark_max_drawdown", "Benchmark max drawdown", benchmark.MaxDrawdown.Depth, StatisticKind.Percent));
            items.Add(new("beta", "Beta to benchmark", BenchmarkExposure.Beta(returns, bench), StatisticKind.Ratio));
            items.Add(new("correlation", "Correlation to benchmark", BenchmarkExposure.Correlation(returns, bench), StatisticKind.Ratio));
        }
        return new TearsheetStatistics(data, s, benchmark, monthly, items);
    }
}
