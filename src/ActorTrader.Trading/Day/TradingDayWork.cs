using System.Globalization;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Rebalancing;

namespace ActorTrader.Trading.Day;

/// <summary>
/// The work of each phase, run off the actor's thread against <see cref="ITradingDayOperations"/>. Every operation is one
/// step; a step that throws is recorded with its exception and the phase goes on with the steps that do not depend on it
/// (the post-market snapshot, backup and report are independent; a rebalance stops at its first failed step).
/// </summary>
internal sealed class TradingDayWork(ITradingDayOperations operations, RebalancePlanner planner)
{
    public const string Reconcile = "reconcile";
    public const string RefreshData = "refresh-data";

    public async Task<PhaseOutcome> PreMarketAsync(DateOnly date, CancellationToken cancellationToken)
    {
        // Both always run: fresh data is useful even when reconciliation failed (it only blocks orders).
        var reconcile = await Step(Reconcile, () => operations.ReconcileAsync(date, cancellationToken)).ConfigureAwait(false);
        var refresh = await Step(RefreshData, () => operations.RefreshDataAsync(date, cancellationToken)).ConfigureAwait(false);
        return new PhaseOutcome([reconcile, refresh]);
    }

    public async Task<PhaseOutcome> MarketOpenAsync(MarketSession session, CancellationToken cancellationToken) =>
        new([await Step("market-open", () => operations.MarketOpenAsync(session, cancellationToken)).ConfigureAwait(false)]);

    public async Task<PhaseOutcome> StrategyRunAsync(DateOnly date, DateTimeOffset at, IReadOnlyList<string> strategies, CancellationToken cancellationToken) =>
        new([await Step("run " + string.Join(", ", strategies), () => operations.RunStrategiesAsync(date, at, strategies, cancellationToken)).ConfigureAwait(false)]);

    public async Task<PhaseOutcome> MarketCloseAsync(MarketSession session, CancellationToken cancellationToken) =>
        new([await Step("market-close", () => operations.MarketCloseAsync(session, cancellationToken)).ConfigureAwait(false)]);

    public async Task<PhaseOutcome> PostMarketAsync(TradingDaySummary summary, CancellationToken cancellationToken)
    {
        var snapshot = await Step("snapshot", () => operations.SnapshotAsync(summary.Date, cancellationToken)).ConfigureAwait(false);
        var backup = await Step("backup", () => operations.BackupAsync(summary.Date, cancellationToken)).ConfigureAwait(false);
        var report = await Step("report", () => operations.WriteReportAsync(summary, cancellationToken)).ConfigureAwait(false);
        return new PhaseOutcome([snapshot, backup, report]);
    }

    public async Task<PhaseOutcome> RebalanceAsync(DateOnly date, string? sleeve, string rebalanceId, DateTimeOffset at, bool manual, CancellationToken cancellationToken)
    {
        RebalanceTargets? targets = null;
        LedgerView? ledger = null;
        IReadOnlyList<OrderView>? open = null;
        IReadOnlyDictionary<Symbol, decimal>? prices = null;
        RebalancePlan? plan = null;
        IReadOnlyList<IntentSubmission> submissions = [];
        IReadOnlyList<CancelSubmission> cancels = [];
        var steps = new List<StepOutcome>();

        if (await Run("targets", async () => targets = await operations.ComputeTargetsAsync(date, sleeve, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false)
            && await Run("ledger", async () => ledger = await operations.GetLedgerAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false)
            && await Run("open-orders", async () => open = await operations.GetOpenOrdersAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false)
            && await Run("prices", async () => prices = await operations.GetPricesAsync(SymbolsOf(targets!, ledger!, open!), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false)
            && await Run("plan", () =>
            {
                plan = planner.Plan(rebalanceId, targets!, ledger!, prices!, open);
                return Task.CompletedTask;
            }).ConfigureAwait(false))
        {
            if (!plan!.IsValid)
            {
                steps.Add(StepOutcome.Refused("plan", "the targets are invalid, so nothing was submitted: " + string.Join(" ", plan.Errors)));
            }
            else
            {
                // Cancels first: the intents were planned as if those orders will not fill any further.
                var cancelled = plan.Cancels.Count == 0
                    || await Run("cancel", async () => cancels = await operations.CancelAsync(plan.Cancels, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                if (cancelled && plan.Intents.Count > 0)
                    await Run("submit", async () => submissions = await operations.SubmitAsync(plan.Intents, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }
        var failure = steps.FirstOrDefault(s => !s.Succeeded)?.Failure;
        var report = new RebalanceReport(rebalanceId, sleeve, manual, at, plan, submissions, failure) { Cancels = cancels };
        var cancelText = plan is null || plan.Cancels.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $", {cancels.Count(c => c.Requested)} of {plan.Cancels.Count} open orders cancelled");
        var done = plan is null ? null : string.Create(CultureInfo.InvariantCulture,
            $"rebalance {rebalanceId}: {plan.Intents.Count} orders planned, {report.Accepted} accepted, {report.Refused} refused, {plan.Skipped.Count} trades skipped{cancelText}");
        return new PhaseOutcome(steps, report, done);

        async Task<bool> Run(string name, Func<Task> action)
        {
            var step = await Step(name, action).ConfigureAwait(false);
            steps.Add(step);
            return step.Succeeded;
        }
    }

    // Everything the plan may trade: the weighted symbols, the held ones and those with open orders.
    private static List<Symbol> SymbolsOf(RebalanceTargets targets, LedgerView ledger, IReadOnlyList<OrderView> open) =>
        [.. targets.Sets.SelectMany(s => s.Weights.Keys).Union(ledger.Positions.Where(p => p.Quantity != 0).Select(p => p.Symbol)).Union(open.Select(o => o.Symbol)).Order()];

    private static async Task<StepOutcome> Step(string name, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
            return StepOutcome.Ok(name);
        }
        catch (Exception e)
        {
            // Not swallowed: the outcome carries the exception to the actor, which logs it and reports the phase failed.
            return StepOutcome.Failed(name, e);
        }
    }
}
