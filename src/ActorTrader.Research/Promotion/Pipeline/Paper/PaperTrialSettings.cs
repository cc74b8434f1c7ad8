using System.Globalization;

namespace ActorTrader.Research.Promotion.Pipeline.Paper;

/// <summary>
/// How a candidate runs on paper (hocon <c>actortrader.research.promotion.paper-*</c>): the cash and costs of its own paper
/// account, when after each session's close its day is run, and the checks its paper record must pass before an operator
/// may take it live. The check defaults let every record through; tighten them per node.
/// </summary>
public sealed record PaperTrialSettings
{
    public static PaperTrialSettings Default { get; } = new();

    /// <summary>Cash of a candidate's new paper account (the account file is the truth once it exists).</summary>
    public decimal InitialCash { get; init; } = 100_000m;

    /// <summary>A paper day runs this long after its session's close (time for the day's bars to be ingested).</summary>
    public TimeSpan AfterClose { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Basis points each paper fill moves against the candidate.</summary>
    public decimal SlippageBps { get; init; } = 5m;

    /// <summary>Commission in basis points of each paper fill's notional.</summary>
    public decimal CommissionBps { get; init; } = 1m;

    /// <summary>Live is refused while the paper record's maximum drawdown (a share of the peak NAV) is above this; 1 = no limit.</summary>
    public double MaxDrawdown { get; init; } = 1.0;

    /// <summary>Live is refused while the paper record's total return is below this (a share: -0.05 = a 5% loss); -1 = no limit.</summary>
    public double MinReturn { get; init; } = -1.0;

    /// <summary>Every problem, named by HOCON key (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (InitialCash <= 0) problems.Add($"paper-initial-cash is {D(InitialCash)}; it must be above 0.");
        if (AfterClose < TimeSpan.Zero || AfterClose >= TimeSpan.FromHours(12))
            problems.Add($"paper-after-close is {AfterClose.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes; it must be from 0 to below 12 hours.");
        if (SlippageBps is < 0 or >= 10_000) problems.Add($"paper-slippage-bps is {D(SlippageBps)}; it must be from 0 to below 10000.");
        if (CommissionBps is < 0 or >= 10_000) problems.Add($"paper-commission-bps is {D(CommissionBps)}; it must be from 0 to below 10000.");
        if (!double.IsFinite(MaxDrawdown) || MaxDrawdown is < 0 or > 1) problems.Add($"paper-max-drawdown is {F(MaxDrawdown)}; it must be a share from 0 to 1 (1 = no limit).");
        if (!double.IsFinite(MinReturn) || MinReturn < -1) problems.Add($"paper-min-return is {F(MinReturn)}; it must be a number, -1 (no limit) or more.");
        return problems;
    }

    private static string D(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
