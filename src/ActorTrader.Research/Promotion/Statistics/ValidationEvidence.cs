namespace ActorTrader.Research.Promotion.Statistics;

/// <summary>
/// What the out-of-sample validation of a candidate found, persisted with the promotion step. Sharpe ratios are
/// annualised; the deflated Sharpe is a probability. The comparison fields are null when there is no incumbent (the
/// first promotion of a strategy) or when a test was undefined (the reason says which). Diebold–Mariano uses the loss
/// −return, so its statistic is negative when the candidate earns more; its p-value and the paired t-test's are
/// one-sided for "the candidate is better". <see cref="Reasons"/> lists every criterion that failed (empty when passed).
/// <see cref="Trials"/> is the N the deflated Sharpe was corrected for.
/// </summary>
public sealed record ValidationEvidence(
    double OutOfSampleSharpe,
    double DeflatedSharpe,
    int Trades,
    int Observations,
    double? IncumbentSharpe,
    double? DieboldMarianoStatistic,
    double? DieboldMarianoPValue,
    double? PairedTStatistic,
    double? PairedPValue,
    bool Passed,
    IReadOnlyList<string> Reasons,
    long Trials = 0);
