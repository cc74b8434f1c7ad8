using ActorTrader.Actors;
using ActorTrader.Domain.Accounting;
using ActorTrader.Trading.Ledger;
using static ActorTrader.Trading.Tests.Ledger.Fills;

namespace ActorTrader.Trading.Tests.Ledger;

/// <summary>The portfolio_daily rows: one per date, day P&amp;L against the previous row or the initial cash.</summary>
public sealed class LedgerActorDailyTests : LedgerTestKit
{
    private static readonly DateOnly Monday = new(2026, 1, 5);
    private static readonly DateOnly Tuesday = new(2026, 1, 6);

    private async Task<DailySnapshotTaken> Close(IActorRef ledger, DateOnly date) =>
        await ledger.Ask<DailySnapshotTaken>(new TakeDailySnapshot(date), DefaultTimeout);

    private async Task<PortfolioDailyHistory> History(IActorRef ledger) =>
        await ledger.Ask<PortfolioDailyHistory>(GetPortfolioDaily.Instance, DefaultTimeout);

    [Fact]
    public async Task The_first_day_pnl_is_the_nav_less_the_initial_cash()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1");
        ledger.Tell(new MarkPrices([Quote(Aapl, 104m)]), TestActor);

        var taken = await Close(ledger, Monday);

        Assert.Equal(new DailySnapshotTaken(Monday, 10_039m, 39m, AlreadyTaken: false), taken);
    }

    [Fact]
    public async Task A_later_day_pnl_is_the_nav_less_the_previous_rows_nav()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1");
        ledger.Tell(new MarkPrices([Quote(Aapl, 104m)]), TestActor);
        await Close(ledger, Monday);
        ledger.Tell(new MarkPrices([Quote(Aapl, 101.5m, minute: 1)]), TestActor);

        var taken = await Close(ledger, Tuesday);

        Assert.Equal(10_014m, taken.NetAssetValue);
        Assert.Equal(-25m, taken.DayPnl);
    }

    [Fact]
    public async Task Taking_the_same_date_again_returns_the_journaled_row_and_writes_nothing()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Close(ledger, Monday);
        await Book(ledger, Buy(Aapl, 10, 100m, 5m), "e1");
        var written = Journal.Written;

        var again = await Close(ledger, Monday);

        Assert.Equal(new DailySnapshotTaken(Monday, 10_000m, 0m, AlreadyTaken: true), again);
        Assert.Equal(written, Journal.Written);
        Assert.Single((await History(ledger)).Rows);
    }

    [Fact]
    public async Task The_history_lists_rows_oldest_first_with_cash_pnl_and_positions_and_survives_a_restart()
    {
        var ledger = StartLedger(Margin(10_000m));
        await Close(ledger, Monday);
        await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1");
        await Book(ledger, Sell(Aapl, 4, 105m, 1m), "e2");
        await Close(ledger, Tuesday);

        var history = await History(await RestartAsync(ledger));

        Assert.Equal(
            [
                new PortfolioDailyRow(Monday, 10_000m, 10_000m, 0m, 0m, 0m, 0),
                new PortfolioDailyRow(Tuesday, 10_018m, 9_418m, 18m, 20m, 2m, 1),
            ],
            history.Rows);
    }

    [Fact]
    public async Task A_date_before_the_last_row_is_refused()
    {
        var ledger = StartLedger();
        await Close(ledger, Tuesday);

        var refusal = await Assert.ThrowsAsync<LedgerException>(() => Close(ledger, Monday));

        Assert.Contains("2026-01-05", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("2026-01-06", refusal.Message, StringComparison.Ordinal);
    }
}
