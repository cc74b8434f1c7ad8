using ActorTrader.Actors;
using ActorTrader.Domain.Calendar;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Persistence.Sqlite;
using ActorTrader.TestKit;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk;
using static ActorTrader.Trading.Tests.Risk.RiskTestData;

namespace ActorTrader.Trading.Tests.Risk;

/// <summary>The risk actor's state through a real SQLite journal file: written by one incarnation, recovered by the next.</summary>
public sealed class RiskActorSqliteTests : TestKit.TestKit, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "actortrader-risk-tests", Guid.NewGuid().ToString("N"));

    public RiskActorSqliteTests() : base(new TestKitSettings { VirtualTime = true })
    {
        Directory.CreateDirectory(_directory);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_halt_journaled_in_sqlite_is_still_in_force_after_a_restart()
    {
        await using var stores = SqliteStoreFactory.Create(new SqliteStoreOptions(Path.Combine(_directory, "actortrader.db")));
        await Persistence.Persistence.StartAsync(Sys, new PersistenceSetup(stores, RiskEvents.Register(new EventSerializer())));
        var orders = CreateTestProbe();
        var book = LedgerOf(50_000m, (Aapl, 100, 300m), (Msft, 100, 200m));
        var orderManager = Sys.ActorOf(OrderManagerStub.CreateProps(TestAccount, orders.Ref), "order-manager");
        IActorRef Start(string name) => Sys.ActorOf(RiskActor.CreateProps(TestAccount, RiskSettings.Default, orderManager, MarketCalendars.Crypto), name);

        var first = Start("first");
        await first.Ask<RiskCommandResult>(new StartOfDay(new DateOnly(2026, 1, 5), 100_000m), DefaultTimeout);
        first.Tell(new LedgerChanged(book));
        first.Tell(new LedgerChanged(WithNav(book, 96_000m)));
        await orders.ExpectMsgAsync<TradingPermission>();
        await orders.ExpectMsgAsync<CancelAllOpenOrders>();
        first.Tell(new OpenOrdersCanceled(0), orders.Ref);
        await AwaitAssertAsync(async () => Assert.Equal(0, (await first.Ask<RiskStateView>(GetRiskState.Instance, DefaultTimeout)).ActionsPending));
        Watch(first);
        Sys.Stop(first);
        await ExpectTerminatedAsync(first);

        var second = Start("second");
        var state = await second.Ask<RiskStateView>(GetRiskState.Instance, DefaultTimeout);
        var permission = await orders.ExpectMsgAsync<TradingPermission>();

        Assert.Equal(TradingState.Halted, state.Status.State);
        Assert.StartsWith("daily-loss 4.00% from 100,000.00 reached the halt level 3.00%", state.Status.Reason, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 1, 5), state.Day);
        Assert.False(permission.Allowed);
        Assert.False(orders.HasMessages);
        Watch(second);
        Sys.Stop(second);
        await ExpectTerminatedAsync(second);
    }
}
