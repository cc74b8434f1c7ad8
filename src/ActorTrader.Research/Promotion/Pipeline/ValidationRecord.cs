using ActorTrader.Research.Promotion.Statistics;

namespace ActorTrader.Research.Promotion.Pipeline;

/// <summary>
/// The journaled form of <see cref="ValidationEvidence"/>: an undefined statistic (NaN) is stored as null, so the
/// evidence is plain JSON. <see cref="Reasons"/> lists every criterion that failed; <see cref="Trials"/> is the N of the
/// deflated Sharpe (0 in journals written before it was recorded).
/// </summary>
public sealed record ValidationRecord(
    double? OutOfSampleSharpe,
    double? DeflatedSharpe,
    int Trades,
    int Observations,
    double? IncumbentSharpe,
    double? DieboldMarianoStatistic,
    double? DieboldMarianoPValue,
    double? PairedTStatistic,
    double? PairedPValue,
    bool Passed,
    IReadOnlyList<string> Reasons,
    long Trials = 0)
{
    public static ValidationRecord From(ValidationEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new ValidationRecord(Defined(evidence.OutOfSampleSharpe), Defined(evidence.DeflatedSharpe), evidence.Trades, evidence.Observations,
            Defined(evidence.IncumbentSharpe), Defined(evidence.DieboldMarianoStatistic), Defined(evidence.DieboldMarianoPValue),
            Defined(evidence.PairedTStatistic), Defined(evidence.PairedPValue), evidence.Passed, [.. evidence.Reasons], evidence.Trials);
    }

    private static double? Defined(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
