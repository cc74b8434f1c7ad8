using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Backtest.Tests.Support;
using ActorTrader.Backtest.Tournament;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Backtest.Tests.Tournament;

/// <summary>
/// efficient-risk and efficient-return in a tournament, on two assets whose daily returns repeat a 4-bar pattern: every
/// 40-bar lookback window holds the pattern ten times, so each re-optimisation sees the same μ and Σ, the weights never
/// change, and the out-of-sample bars have exactly the in-sample moments. With two assets the efficient frontier is one
/// line, so the test solves for the weights in closed form and checks the run against them.
/// </summary>
public sealed class TournamentTargetTests
{
    private const int Lookback = 40;
    private const int Bars = Lookback + 1 + 360; // 360 traded bars = 90 whole patterns
    private const double Year = 252;

    // Asset A: about 25% a year at 30% volatility; asset B: about 3% a year at 8%, correlated with A.
    private static readonly double[] PatternA = [.. new[] { 1.0, -1, 1, -1 }.Select(z => 0.25 / Year + 0.30 / Math.Sqrt(Year) * z)];
    private static readonly double[] PatternB = [.. new[] { 1.3, 0.7, -0.7, -1.3 }.Select(z => 0.03 / Year + 0.08 / Math.Sqrt(Year) * z)];

    private static readonly BarPanel Panel = TestPanels.FromCloses(Closes(PatternA), Closes(PatternB));

    private static TournamentOptions Options(params string[] engines) =>
        new() { Engines = engines, Lookback = Lookback, Rebalance = RebalanceSchedule.Daily, RunId = "targets" };

    [Fact]
    public void Default_tournament_gives_efficient_risk_its_annualised_target_volatility()
    {
        var report = TournamentRunner.Run([new TournamentProfile("periodic", Panel)], Options("efficient-risk"));

        var cell = Assert.Single(report.Cells);
        Assert.False(cell.Failed, cell.Error);
        Assert.False(cell.Realised is null);
        var (meanA, meanB, varA, varB, cov) = WindowMoments();
        Assert.True(meanA > meanB);
        // σ²(x) = x²·varA + 2x(1−x)·cov + (1−x)²·varB = 0.15²; the larger root is the one with the higher return.
        double a = varA - 2 * cov + varB, b = 2 * cov - 2 * varB, c = varB - 0.15 * 0.15;
        var x = (-b + Math.Sqrt(b * b - 4 * a * c)) / (2 * a);
        Assert.InRange(x, 0.01, 0.99);
        var series = Portfolio(x);
        // Out of sample the same pattern: near the target (not equal — the n − 1 of a 40-bar window vs a 360-bar run).
        Assert.InRange(AnnualisedVolatility(series), 0.145, 0.155);
        Assert.Equal(Compounded(series), cell.Idealised!.TotalReturn, 6);
    }

    [Fact]
    public void Default_tournament_gives_efficient_return_its_annualised_target_return()
    {
        var report = TournamentRunner.Run([new TournamentProfile("periodic", Panel)], Options("efficient-return"));

        var cell = Assert.Single(report.Cells);
        Assert.False(cell.Failed, cell.Error);
        var (meanA, meanB, varA, varB, cov) = WindowMoments();
        // The minimum-variance mix earns less than 10%, so the target binds: x·μA + (1−x)·μB = 0.10.
        var minimumVariance = (varB - cov) / (varA - 2 * cov + varB);
        Assert.True(minimumVariance * meanA + (1 - minimumVariance) * meanB < 0.10);
        var x = (0.10 - meanB) / (meanA - meanB);
        var series = Portfolio(x);
        Assert.Equal(0.10, series.Average() * Year, 9);
        Assert.Equal(Compounded(series), cell.Idealised!.TotalReturn, 6);
    }

    [Fact]
    public void Unreachable_targets_are_error_rows()
    {
        var options = Options("efficient-risk", "efficient-return") with { TargetVolatility = 0.01, TargetReturn = 0.5 };

        var report = TournamentRunner.Run([new TournamentProfile("periodic", Panel)], options);

        Assert.Equal(["efficient-risk", "efficient-return"], report.Cells.Select(c => c.Engine));
        Assert.All(report.Cells, c => Assert.Null(c.Realised));
        Assert.Contains("target volatility 0.01 is below the minimum attainable", report.Cells[0].Error, StringComparison.Ordinal);
        Assert.Contains("target return 0.5 is above the maximum attainable", report.Cells[1].Error, StringComparison.Ordinal);
        var markdown = TournamentReportWriter.Markdown(report);
        Assert.Contains("| efficient-risk | periodic | — |", markdown, StringComparison.Ordinal);
        Assert.Contains("| efficient-return | periodic | — |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_header_names_the_targets()
    {
        var report = TournamentRunner.Run([new TournamentProfile("periodic", Panel)], Options("equal") with { TargetVolatility = 0.2, TargetReturn = 0.075 });

        var header = TournamentReportWriter.Markdown(report).Split("\n\n")[1];
        Assert.Contains("Target volatility of efficient-risk: 20.00% a year.", header, StringComparison.Ordinal);
        Assert.Contains("Target return of efficient-return: 7.50% a year.", header, StringComparison.Ordinal);
        var json = TournamentReportWriter.Json(report);
        Assert.Contains("\"target_volatility\": 0.2,", json, StringComparison.Ordinal);
        Assert.Contains("\"target_return\": 0.075,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_positive_target_volatility_is_refused_naming_the_option()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            TournamentRunner.Run([new TournamentProfile("periodic", Panel)], Options("equal") with { TargetVolatility = 0 }));

        Assert.Contains("TargetVolatility", e.Message, StringComparison.Ordinal);
    }

    private static double[] Closes(double[] pattern)
    {
        var closes = new double[Bars];
        closes[0] = 100;
        for (var t = 1; t < Bars; t++) closes[t] = closes[t - 1] * (1 + pattern[(t - 1) % pattern.Length]);
        return closes;
    }

    private static double Return(double[] closes, int t) => closes[t] / closes[t - 1] - 1;

    // Annualised arithmetic means and sample (n − 1) covariances of the first lookback window (rows 1..40), as every window.
    private static (double MeanA, double MeanB, double VarA, double VarB, double Cov) WindowMoments()
    {
        var (closesA, closesB) = (Closes(PatternA), Closes(PatternB));
        var ra = Enumerable.Range(1, Lookback).Select(t => Return(closesA, t)).ToArray();
        var rb = Enumerable.Range(1, Lookback).Select(t => Return(closesB, t)).ToArray();
        double ma = ra.Average(), mb = rb.Average();
        double Co(double[] x, double mx, double[] y, double my) => x.Select((v, i) => (v - mx) * (y[i] - my)).Sum() / (Lookback - 1) * Year;
        return (ma * Year, mb * Year, Co(ra, ma, ra, ma), Co(rb, mb, rb, mb), Co(ra, ma, rb, mb));
    }

    // The first decision (bar 40, the first full window after the return-less bar 0) is held from bar 41 on.
    private static double[] Portfolio(double x)
    {
        var (closesA, closesB) = (Closes(PatternA), Closes(PatternB));
        return [.. Enumerable.Range(Lookback + 1, Bars - Lookback - 1).Select(t => x * Return(closesA, t) + (1 - x) * Return(closesB, t))];
    }

    private static double Compounded(double[] series) => series.Aggregate(1.0, (equity, r) => equity * (1 + r)) - 1;

    private static double AnnualisedVolatility(double[] series)
    {
        var mean = series.Average();
        return Math.Sqrt(series.Sum(r => (r - mean) * (r - mean)) / (series.Length - 1) * Year);
    }
}
