using ActorTrader.Quant.Metrics;
using ActorTrader.Quant.Returns;

namespace ActorTrader.Research.Promotion.Pipeline.Paper;

/// <summary>
/// A candidate's paper record as the CLI and the live checks see it: every recorded day (oldest first), every skipped day
/// with its reason, the last NAV, the total return since the first day's NAV (the initial cash), the annualised Sharpe of
/// the daily returns (null with fewer than two days or no variation) and the maximum drawdown of the NAV (a positive share
/// of its peak; 0 when it never fell).
/// </summary>
public sealed record PaperEvidence(
    IReadOnlyList<PaperDaySummary> Days,
    IReadOnlyList<PaperSkip> Skipped,
    decimal? Nav,
    double Return,
    double? Sharpe,
    double MaxDrawdown)
{
    public static PaperEvidence Empty { get; } = new([], [], null, 0, null, 0);

    public static PaperEvidence From(IReadOnlyList<PaperDayRecorded> days, IReadOnlyList<PaperDaySkipped> skipped)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(skipped);
        var summaries = days.Select(d => new PaperDaySummary(d.Date, d.Nav, d.Return, d.Orders.Count, d.Fills.Count)).ToList();
        var skips = skipped.Select(s => new PaperSkip(s.Date, s.Reason)).ToList();
        if (days.Count == 0) return new PaperEvidence(summaries, skips, null, 0, null, 0);
        var returns = days.Select(d => d.Return).ToArray();
        var first = days[0].Nav;
        var total = first > 0 ? (double)(days[^1].Nav / first) - 1 : 0;
        double? sharpe = returns.Length >= 2 && RiskAdjustedRatios.Sharpe(returns, 0, PeriodsPerYear.TradingDays) is var s && double.IsFinite(s) ? s : null;
        return new PaperEvidence(summaries, skips, days[^1].Nav, total, sharpe, Drawdowns.Maximum(returns).Depth);
    }
}

/// <summary>One recorded paper day: exchange-local date, NAV at the close, return since the previous paper day, orders placed and fills received.</summary>
public sealed record PaperDaySummary(DateOnly Date, decimal Nav, double Return, int Orders, int Fills);

/// <summary>A session that was not run on paper, and why.</summary>
public sealed record PaperSkip(DateOnly Date, string Reason);
