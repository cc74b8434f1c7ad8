using ActorTrader.Backtest.Reports;

namespace ActorTrader.Backtest.Tests.Reports;

/// <summary>Small hand-built report inputs whose figures can be worked out on paper.</summary>
internal static class ReportTestData
{
    public static readonly DateTimeOffset Start = new(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Equity 1 → 1.1 → 0.88 → 1.1 → 1.21 → 1.1495: total return 14.95%, deepest drawdown 20% (1.1 → 0.88), recovered at
    /// index 2, and a second 5% drawdown still open at the end.
    /// </summary>
    public static readonly double[] KnownReturns = [0.10, -0.20, 0.25, 0.10, -0.05];

    public static IReadOnlyList<DateTimeOffset> Days(int count, DateTimeOffset? from = null) =>
        [.. Enumerable.Range(0, count).Select(i => (from ?? Start).AddDays(i))];

    public static TearsheetData Known(string title = "Known series", string profile = "test-profile") =>
        new(title, "20240102T000000Z-abcdef", profile, Days(KnownReturns.Length), KnownReturns, PeriodsPerYear: 252);

    /// <summary>A seeded daily series over about two years, with a benchmark, weights on three assets and notes.</summary>
    public static TearsheetData Rich(int periods = 520, int seed = 7)
    {
        var random = new Random(seed);
        var dates = Days(periods);
        var returns = new double[periods];
        var bench = new double[periods];
        for (var t = 0; t < periods; t++)
        {
            bench[t] = 0.0004 + 0.01 * (random.NextDouble() - 0.5);
            returns[t] = 0.5 * bench[t] + 0.0003 + 0.012 * (random.NextDouble() - 0.5);
        }
        var rebalances = dates.Where((_, i) => i % 21 == 0).ToList();
        var rows = rebalances.Select((_, k) => (IReadOnlyList<double>)[0.5 - 0.01 * (k % 5), 0.3 + 0.01 * (k % 5), -0.2, 0.1, 0.05]).ToList();
        return new TearsheetData("Rich series", "20240102T000000Z-123456", "rich", dates, returns, 252)
        {
            BenchmarkReturns = bench,
            BenchmarkName = "SPY",
            Weights = new WeightsHistory(rebalances, ["AAA", "BBB", "CCC", "DDD", "EEE"], rows),
            TradeCount = 42,
            Turnover = 3.5,
            Notes = new Dictionary<string, string> { ["engine"] = "hrp", ["costs"] = "5 bps slippage, 1 bp commission" },
        };
    }
}
