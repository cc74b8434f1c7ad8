using System.Text;
using ActorTrader.Actors;
using ActorTrader.Domain.Accounting;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Journal;
using ActorTrader.Trading.Ledger;
using static ActorTrader.Trading.Tests.Ledger.Fills;

namespace ActorTrader.Trading.Tests.Ledger;

/// <summary>Recovery from the in-memory journal: exact state, idempotency across restarts and snapshots, fail-closed.</summary>
public sealed class LedgerActorRecoveryTests : LedgerTestKit
{
    private async Task<Booked> BookSomeAsync(IActorRef ledger)
    {
        await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1");
        await Book(ledger, Buy(Aapl, 10, 110m, 1m), "e2");
        await Book(ledger, Sell(Aapl, 25, 100.37m, 0.33m), "e3");
        await Book(ledger, Sell(Msft, 3, 412.125m, 0.07m), "e4");
        await Book(ledger, Buy(Spy, 0.5m, 501.01m), "e5");
        return new Booked(ledger, await ViewOf(ledger));
    }

    [Fact]
    public async Task A_restarted_ledger_has_exactly_the_cash_positions_and_pnl_it_had()
    {
        var (ledger, before) = await BookSomeAsync(StartLedger(Margin(10_000m)));

        var after = await ViewOf(await RestartAsync(ledger));

        Assert.Equal(before.Cash, after.Cash);
        Assert.Equal(before.Positions, after.Positions);
        Assert.Equal(before.RealisedPnl, after.RealisedPnl);
        Assert.Equal(before.Fees, after.Fees);
        Assert.Equal(before.FillCount, after.FillCount);
        Assert.Equal(before.NetAssetValue, after.NetAssetValue);
    }

    [Fact]
    public async Task The_opening_is_journaled_once_and_later_settings_do_not_change_it()
    {
        var ledger = StartLedger(Margin(10_000m));
        await ViewOf(ledger);

        var view = await ViewOf(await RestartAsync(ledger, Cash(99_000m)));

        Assert.Equal(10_000m, view.Cash);
        Assert.Equal(AccountKind.Margin, view.Kind);
        Assert.Equal(1, Journal.Written);
    }

    [Fact]
    public async Task A_fill_redelivered_after_a_restart_is_acknowledged_and_not_booked_again()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1");
        ledger = await RestartAsync(ledger);

        var again = await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1");

        Assert.True(again.AlreadyBooked);
        Assert.Equal(1, (await ViewOf(ledger)).FillCount);
    }

    [Fact]
    public async Task A_fill_redelivered_after_a_snapshot_is_acknowledged_and_not_booked_again()
    {
        var ledger = StartLedger(Margin(10_000m, snapshotEvery: 2));
        await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1");
        await AwaitSnapshotAsync(2);
        ledger = await RestartAsync(ledger, Margin(10_000m, snapshotEvery: 2));

        var again = await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1");

        Assert.Equal(0, Journal.Replayed); // recovered from the snapshot alone
        Assert.True(again.AlreadyBooked);
        Assert.Equal(8_999m, (await ViewOf(ledger)).Cash);
    }

    [Fact]
    public async Task Recovery_replays_only_the_events_after_the_newest_snapshot()
    {
        var settings = Margin(1_000_000m, snapshotEvery: 10);
        var ledger = StartLedger(settings);
        for (var i = 1; i <= 25; i++) await Book(ledger, Buy(Aapl, 1, 100m + i, 0.01m), $"e{i}");
        var before = await ViewOf(ledger);
        await AwaitSnapshotAsync(20);

        var after = await ViewOf(await RestartAsync(ledger, settings));

        Assert.Equal(6, Journal.Replayed); // events 21..26 (the opening is event 1)
        Assert.Equal(before.Positions, after.Positions);
        Assert.Equal(before.Cash, after.Cash);
        Assert.Equal(before.Fees, after.Fees);
        Assert.Equal(25, after.FillCount);
    }

    [Fact]
    public async Task A_snapshot_followed_by_events_recovers_both()
    {
        var settings = Margin(10_000m, snapshotEvery: 3);
        var ledger = StartLedger(settings);
        await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1");
        await Book(ledger, Buy(Aapl, 10, 110m, 1m), "e2");
        await AwaitSnapshotAsync(3);
        await Book(ledger, Sell(Aapl, 5, 120m, 0.5m), "e3");

        var after = await ViewOf(await RestartAsync(ledger, settings));

        Assert.Equal(1, Journal.Replayed);
        Assert.Equal([new Position(Aapl, 15, 105m)], after.Positions);
        Assert.Equal(75m, after.RealisedPnl);
        Assert.Equal(8_497.5m, after.Cash);
        Assert.Equal(2.5m, after.Fees);
    }

    [Fact]
    public async Task Older_snapshots_are_deleted_keeping_the_newest_two()
    {
        var settings = Margin(1_000_000m, snapshotEvery: 5);
        var ledger = StartLedger(settings);
        for (var i = 1; i <= 19; i++) await Book(ledger, Buy(Aapl, 1, 100m), $"e{i}");
        await AwaitSnapshotAsync(20);

        // Saves finish in any order; in the end only the snapshots at 15 and 20 remain.
        await AwaitConditionAsync(() => NewestSnapshotUpTo(14) == 0 && NewestSnapshotUpTo(15) == 15,
            message: "the snapshots at 5 and 10 were not deleted, or the one at 15 was");

        Assert.Equal(20, NewestSnapshot());
    }

    [Fact]
    public async Task A_journal_that_cannot_be_replayed_stops_the_ledger_instead_of_starting_empty()
    {
        var ledger = StartLedger();
        await Book(ledger, Buy(Aapl, 1, 100m), "e1");
        await StopAsync(ledger);
        Journal.FailReplays = true;

        var second = StartLedger();
        Watch(second);

        await ExpectTerminatedAsync(second);
        var alert = await Alerts.ExpectMsgAsync<PersistenceAlert>();
        Assert.Equal(PersistenceFailure.Recovery, alert.Failure);
        Assert.Equal(PersistenceId, alert.PersistenceId);
    }

    [Fact]
    public async Task A_corrupt_event_stops_the_ledger_and_the_alert_names_its_sequence_number()
    {
        var ledger = StartLedger();
        await Book(ledger, Buy(Aapl, 1, 100m), "e1");
        await StopAsync(ledger);
        var corrupt = new PersistentRepr(PersistenceId, 3, "ledger-fill-booked", Encoding.UTF8.GetBytes("{\"v\":1,\"da"), DateTimeOffset.UnixEpoch, [], "test");
        await Persistence.Persistence.Get(Sys).Journal.WriteAsync([corrupt]);

        var second = StartLedger();
        Watch(second);

        await ExpectTerminatedAsync(second);
        var alert = await Alerts.ExpectMsgAsync<PersistenceAlert>();
        Assert.Equal(PersistenceFailure.Recovery, alert.Failure);
        Assert.Contains("event 3", alert.Reason, StringComparison.Ordinal);
    }

    private sealed record Booked(IActorRef Ledger, LedgerView View);
}
