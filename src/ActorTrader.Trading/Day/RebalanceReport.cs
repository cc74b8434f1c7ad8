using ActorTrader.Trading.Rebalancing;

namespace ActorTrader.Trading.Day;

/// <summary>
/// One rebalance: its id, the sleeve the operator named (null = all), the plan (null when the targets, ledger, open orders
/// or prices could not be had), what became of each submitted intent, and the error that stopped it (null when it went
/// through). <see cref="Cancels"/> says what became of each open order the plan cancelled.
/// </summary>
public sealed record RebalanceReport(
    string RebalanceId,
    string? Sleeve,
    bool Manual,
    DateTimeOffset At,
    RebalancePlan? Plan,
    IReadOnlyList<IntentSubmission> Submissions,
    string? Error)
{
    public IReadOnlyList<CancelSubmission> Cancels { get; init; } = [];

    public int Accepted => Submissions.Count(s => s.Accepted);

    public int Refused => Submissions.Count(s => !s.Accepted);

    public bool Succeeded => Error is null;
}
