namespace ActorTrader.Trading.Accounts;

/// <summary>
/// Run startup reconciliation (orders, then fills, then positions). On success the order manager is told trading is
/// permitted; on failure it stays not permitted. Answered with the outcome
/// (<c>StartupReconciliationSucceeded</c> / <c>StartupReconciliationFailed</c>); a request while one runs joins it.
/// </summary>
public sealed record StartReconciliation
{
    public static StartReconciliation Instance { get; } = new();
}

/// <summary>Asks for the account's state; answered with <see cref="AccountStatus"/>.</summary>
public sealed record GetAccountStatus
{
    public static GetAccountStatus Instance { get; } = new();
}

/// <param name="Reconciled">True once startup reconciliation succeeded (and no child stopped since).</param>
/// <param name="StoppedChildren">Children that stopped (a journal that cannot be recovered, repeated failures): the account trades no more.</param>
public sealed record AccountStatus(string AccountId, bool Reconciled, bool ReconciliationRunning, string? LastReconciliationId, string? LastFailure, IReadOnlyList<string> StoppedChildren);

/// <summary>Asks for the account's actors; answered with <see cref="AccountRefs"/>.</summary>
public sealed record GetAccountRefs
{
    public static GetAccountRefs Instance { get; } = new();
}

/// <summary>Published on the event stream (and logged at Error) when the account cannot trade: a failed reconciliation or a stopped child.</summary>
public sealed record AccountAlert(string AccountId, string Source, string Reason, DateTimeOffset At);
