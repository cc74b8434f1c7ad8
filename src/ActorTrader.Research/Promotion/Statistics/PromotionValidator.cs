using System.Globalization;
using ActorTrader.Quant.Metrics;
using ActorTrader.Quant.Statistics;
using ActorTrader.Research.Fitness;

namespace ActorTrader.Research.Promotion.Statistics;

/// <summary>
/// Out-of-sample validation of a promotion candidate: its daily returns on the window the GA never saw, against the
/// incumbent parameters' returns on the same bars. Passes when every criterion of <see cref="PromotionSettings"/> holds:
/// enough trades, the annualised Sharpe, the deflated Sharpe (<see cref="DeflatedSharpe"/>), and — with an incumbent — a
/// one-sided Diebold–Mariano test (loss = −return; HAC long-run variance up to lag h − 1 and the Harvey–Leybourne–Newbold
/// small-sample correction, Quant's <see cref="DieboldMariano"/>) and a one-sided paired t-test (<see cref="PairedTTest"/>),
/// both significant. At horizon 1 the corrected Diebold–Mariano statistic equals minus the paired t statistic; at longer
/// horizons it allows for autocorrelated return differences (trades held over several days). A statistic that is undefined
/// (returns that do not vary, a candidate identical to the incumbent) fails its criterion with the reason, never silently.
/// </summary>
public static class PromotionValidator
{
    /// <param name="candidateReturns">Candidate's net returns per out-of-sample bar.</param>
    /// <param name="incumbentReturns">Incumbent's net returns on the same bars, or null when the strategy has no incumbent.</param>
    /// <param name="trades">Candidate's trades in the out-of-sample window.</param>
    /// <param name="trials">
    /// Genomes the run had evaluated when it found the candidate. The deflated Sharpe is corrected for the larger of this and
    /// <see cref="PromotionSettings.Trials"/>: a long run that tried thousands of genomes must not be judged as if it tried 100.
    /// </param>
    public static ValidationEvidence Validate(IReadOnlyList<double> candidateReturns, IReadOnlyList<double>? incumbentReturns, int trades,
        PromotionSettings? settings = null, long trials = 0)
    {
        ArgumentNullException.ThrowIfNull(candidateReturns);
        settings ??= PromotionSettings.Default;
        settings.Validate();
        if (incumbentReturns is not null && incumbentReturns.Count != candidateReturns.Count)
            throw new ArgumentException($"The incumbent has {incumbentReturns.Count} out-of-sample returns, the candidate {candidateReturns.Count}; both must be evaluated on the same out-of-sample bars.", nameof(incumbentReturns));
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        var trialCount = (int)Math.Min(Math.Max(settings.Trials, trials), int.MaxValue);
        var reasons = new List<string>();
        var candidate = candidateReturns.ToArray();
        var n = candidate.Length;
        if (NonFinite(candidate) is { } bad)
            return Failed($"candidate return {bad} is not finite; the out-of-sample run is broken.");
        if (n < 4) return Failed($"the candidate has {n} out-of-sample return(s); validation needs at least 4.");

        if (trades < settings.MinimumTrades) reasons.Add($"{trades} trade(s) out of sample, fewer than the minimum {settings.MinimumTrades}.");
        var sharpe = RiskAdjustedRatios.Sharpe(candidate, 0, settings.PeriodsPerYear);
        var deflated = double.NaN;
        if (double.IsNaN(sharpe))
        {
            reasons.Add("the candidate's out-of-sample returns do not vary; its Sharpe and deflated Sharpe are undefined.");
        }
        else
        {
            if (sharpe < settings.MinimumSharpe) reasons.Add($"out-of-sample Sharpe {Format(sharpe)} is below the minimum {Format(settings.MinimumSharpe)}.");
            deflated = Defined(() => DeflatedSharpe.Compute(candidate, trialCount, settings.TrialSharpeVariance), "deflated Sharpe", reasons);
            if (deflated < settings.MinimumDeflatedSharpe)
                reasons.Add($"deflated Sharpe {Format(deflated)} over {trialCount} trial(s) is below the minimum {Format(settings.MinimumDeflatedSharpe)}.");
        }

        double? incumbentSharpe = null, dmStatistic = null, dmP = null, pairedT = null, pairedP = null;
        if (incumbentReturns is not null)
        {
            var incumbent = incumbentReturns.ToArray();
            if (NonFinite(incumbent) is { } badIncumbent)
                return Failed($"incumbent return {badIncumbent} is not finite; re-run the incumbent on the out-of-sample window.");
            incumbentSharpe = RiskAdjustedRatios.Sharpe(incumbent, 0, settings.PeriodsPerYear);
            var differential = new double[n];
            for (var t = 0; t < n; t++) differential[t] = incumbent[t] - candidate[t]; // loss −r: L_candidate − L_incumbent
            var dm = Test(() => DieboldMariano.FromLossDifferential(differential, settings.Horizon, Alternative.Less), "Diebold–Mariano test", reasons);
            var paired = Test(() => PairedTTest.Test(candidate, incumbent, Alternative.Greater), "paired t-test", reasons);
            (dmStatistic, dmP) = (dm?.Statistic, dm?.PValue);
            (pairedT, pairedP) = (paired?.Statistic, paired?.PValue);
            if (dm is not null && !(dm.PValue < settings.SignificanceLevel))
                reasons.Add($"Diebold–Mariano (horizon {settings.Horizon}) does not show the candidate better than the incumbent: p = {Format(dm.PValue)} ≥ {Format(settings.SignificanceLevel)}.");
            if (paired is not null && !(paired.PValue < settings.SignificanceLevel))
                reasons.Add($"the paired t-test does not show the candidate better than the incumbent: p = {Format(paired.PValue)} ≥ {Format(settings.SignificanceLevel)}.");
        }
        return new ValidationEvidence(sharpe, deflated, trades, n, incumbentSharpe, dmStatistic, dmP, pairedT, pairedP, reasons.Count == 0, reasons, trialCount);

        ValidationEvidence Failed(string reason) =>
            new(double.NaN, double.NaN, trades, candidateReturns.Count, null, null, null, null, null, false, [reason], trialCount);
    }

    private static string? NonFinite(double[] values)
    {
        for (var t = 0; t < values.Length; t++)
        {
            if (!double.IsFinite(values[t])) return $"{t} ({values[t].ToString(CultureInfo.InvariantCulture)})";
        }
        return null;
    }

    // Quant refuses undefined statistics with ArgumentException naming the cause; here that cause fails the criterion.
    private static double Defined(Func<double> compute, string name, List<string> reasons)
    {
        try
        {
            return compute();
        }
        catch (ArgumentException ex)
        {
            reasons.Add($"the {name} is undefined: {ex.Message}");
            return double.NaN;
        }
    }

    private static TestResult? Test(Func<TestResult> run, string name, List<string> reasons)
    {
        try
        {
            return run();
        }
        catch (ArgumentException ex)
        {
            reasons.Add($"the {name} against the incumbent is undefined: {ex.Message}");
            return null;
        }
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
