using ActorTrader.Actors;
using ActorTrader.Trading.Ledger;
using static ActorTrader.Trading.Tests.Ledger.Fills;

namespace ActorTrader.Trading.Tests.Ledger;

/// <summary>
/// A fill recovered from the broker's cumulative figures has no commission of its own: the ledger books the account's
/// schedule, so fees are right and cash stays equal to the broker's; a difference that remains is journaled at reconciliation.
/// </summary>
public sealed class LedgerActorCommissionTests : LedgerTestKit
{
    /// <summary>The paper broker's default schedule: 1 bp of notional.</summary>
    private static LedgerSettings WithSchedule() => Margin(10_000m) with { Commission = new CommissionModel(1m, 0m) };

    private async Task BookRecovered(IActorRef ledger, decimal quantity, decimal price, string executionId) =>
        await ledger.Ask<FillBooked>(new BookFill(Buy(Aapl, quantity, price), executionId, 1, CommissionReported: false), DefaultTimeout);

    [Fact]
    public async Task A_fill_without_a_reported_commission_is_booked_with_the_accounts_schedule()
    {
        var ledger = StartLedger(WithSchedule());

        await BookRecovered(ledger, 10, 100m, "synthetic:o1:0-10");

        var view = await ViewOf(ledger);
        Assert.Equal((0.1m, 10_000m - 1_000m - 0.1m), (view.Fees, view.Cash));
    }

    [Fact]
    public async Task A_fill_the_broker_reported_keeps_its_own_commission_even_when_it_is_zero()
    {
        var ledger = StartLedger(WithSchedule());

        await Book(ledger, Buy(Aapl, 10, 100m), "e1");

        Assert.Equal(0m, (await ViewOf(ledger)).Fees);
    }

    [Fact]
    public async Task A_recovered_fill_booked_with_the_schedule_matches_the_brokers_cash()
    {
        var ledger = StartLedger(WithSchedule());
        await BookRecovered(ledger, 10, 100m, "synthetic:o1:0-10");

        var result = await ledger.Ask<PositionsReconciled>(new ReconcilePositions([Held(Aapl, 10, 100m)], 8_999.9m, "rec-1"), DefaultTimeout);

        Assert.Empty(result.Discrepancies);
    }

    [Fact]
    public async Task Cash_that_still_differs_from_the_brokers_is_journaled_as_a_discrepancy_and_alerted()
    {
        var alerts = CreateTestProbe();
        Sys.EventStream.Subscribe(alerts.Ref, typeof(LedgerDiscrepancyAlert));
        var ledger = StartLedger(WithSchedule());
        await BookRecovered(ledger, 10, 100m, "synthetic:o1:0-10");
        var written = Journal.Written;

        // The broker charged a per-order minimum of 1.00 the schedule cannot know.
        var result = await ledger.Ask<PositionsReconciled>(new ReconcilePositions([Held(Aapl, 10, 100m)], 8_999m, "rec-1"), DefaultTimeout);

        Assert.Equal([new LedgerDiscrepancy("cash", 8_999.9m, 8_999m)], result.Discrepancies);
        Assert.Equal(written + 1, Journal.Written);
        Assert.Equal("cash", (await alerts.ExpectMsgAsync<LedgerDiscrepancyAlert>()).Discrepancy.Item);
    }
}
