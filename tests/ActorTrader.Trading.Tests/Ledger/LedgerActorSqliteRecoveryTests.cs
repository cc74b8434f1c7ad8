using ActorTrader.Actors;
using ActorTrader.Domain.Accounting;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Sqlite;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Tests.Backup;
using static ActorTrader.Trading.Tests.Ledger.Fills;

namespace ActorTrader.Trading.Tests.Ledger;

/// <summary>Recovery from the SQLite journal and snapshot files, as a node runs by default.</summary>
public sealed class LedgerActorSqliteRecoveryTests : LedgerTestKit, IDisposable
{
    private readonly ScratchDirectory _dir = new("ledger-sqlite");
    private PersistenceStores? _stores;

    public LedgerActorSqliteRecoveryTests() : base(inMemory: false)
    {
    }

    private async Task UseSqliteAsync()
    {
        _stores = SqliteStoreFactory.Create(new SqliteStoreOptions(_dir.File("actortrader.db")));
        await _stores.StartAsync();
        Install(_stores);
    }

    public void Dispose()
    {
        // xunit disposes after the actor system has terminated (IAsyncLifetime first), so no actor still writes.
        _stores?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_ledger_recovered_from_sqlite_has_exactly_the_state_it_had()
    {
        await UseSqliteAsync();
        var ledger = StartLedger(Margin(10_000m));
        await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1");
        await Book(ledger, Buy(Aapl, 10, 110.125m, 1m), "e2");
        await Book(ledger, Sell(Aapl, 25, 100.37m, 0.33m), "e3");
        await Book(ledger, Sell(Msft, 3, 412.125m, 0.07m), "e4");
        var before = await ViewOf(ledger);

        var after = await ViewOf(await RestartAsync(ledger));

        Assert.Equal(before.Cash, after.Cash);
        Assert.Equal(before.Positions, after.Positions);
        Assert.Equal(before.RealisedPnl, after.RealisedPnl);
        Assert.Equal(before.Fees, after.Fees);
        Assert.Equal(4, after.FillCount);
    }

    [Fact]
    public async Task A_ledger_recovered_from_a_sqlite_snapshot_and_later_events_matches_and_keeps_its_execution_ids()
    {
        await UseSqliteAsync();
        var settings = Margin(10_000m, snapshotEvery: 3);
        var ledger = StartLedger(settings);
        await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1");
        await Book(ledger, Buy(Aapl, 10, 110m, 1m), "e2");
        await AwaitSnapshotAsync(3);
        await Book(ledger, Sell(Aapl, 5, 120m, 0.5m), "e3");
        await ledger.Ask<DailySnapshotTaken>(new TakeDailySnapshot(new DateOnly(2026, 1, 5)), DefaultTimeout);

        ledger = await RestartAsync(ledger, settings);
        var again = await Book(ledger, Buy(Aapl, 10, 100m, 1m), "e1");
        var view = await ViewOf(ledger);
        var history = await ledger.Ask<PortfolioDailyHistory>(GetPortfolioDaily.Instance, DefaultTimeout);

        Assert.True(again.AlreadyBooked);
        Assert.Equal([new Position(Aapl, 15, 105m)], view.Positions);
        Assert.Equal(8_497.5m, view.Cash);
        Assert.Equal(new DateOnly(2026, 1, 5), Assert.Single(history.Rows).Date);
    }
}
