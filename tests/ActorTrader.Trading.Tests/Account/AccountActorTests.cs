using System.Text;
using ActorTrader.Actors;
using ActorTrader.Persistence.Journal;
using ActorTrader.Domain.Orders;
using ActorTrader.TestKit;
using ActorTrader.Trading.Accounts;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Reconciliation;
using ActorTrader.Trading.Tests.Fakes;
using ActorTrader.Trading.Tests.Orders;

namespace ActorTrader.Trading.Tests.Accounts;

/// <summary>The account supervisor: its children, and trading permitted only after reconciling orders, then fills, then positions.</summary>
public sealed class AccountActorTests : OrderTestKit
{
    private static readonly TradingAccountSettings Settings = TradingAccountSettings.Default with
    {
        Orders = OrderSettings,
        BrokerConnection = ConnectionSettings,
        ReconciliationStepTimeout = TimeSpan.FromSeconds(30),
        ReconciliationRetryInterval = TimeSpan.FromSeconds(60),
    };

    private readonly TestProbe _risk;
    private readonly TestProbe _day;
    private AccountRefs? _riskGot;
    private AccountRefs? _dayGot;

    public AccountActorTests()
    {
        _risk = CreateTestProbe("risk");
        _day = CreateTestProbe("day");
        UseMemoryJournal();
    }

    private IActorRef StartAccount(bool reconcileOnStart = true) =>
        Sys.ActorOf(AccountActor.CreateProps(new AccountProps(AccountId, Venue.Connect, () => ForwardingActor.To(Ledger.Ref),
            refs =>
            {
                _riskGot = refs;
                return ForwardingActor.To(_risk.Ref);
            },
            refs =>
            {
                _dayGot = refs;
                return ForwardingActor.To(_day.Ref);
            })
        {
            Settings = Settings with { ReconcileOnStart = reconcileOnStart },
        }), AccountActor.NameOf(AccountId));

    private IActorRef StartAccountWithGate(TestProbe gate) =>
        Sys.ActorOf(AccountActor.CreateProps(new AccountProps(AccountId, Venue.Connect, () => ForwardingActor.To(Ledger.Ref))
        {
            Settings = Settings,
            PermissionGate = gate.Ref,
        }), AccountActor.NameOf(AccountId));

    private async Task<AccountRefs> RefsAsync(IActorRef account) => await AskAsync<AccountRefs>(account, GetAccountRefs.Instance);

    private async Task<TradingPermission> PermissionAsync(AccountRefs refs) => await AskAsync<TradingPermission>(refs.Orders, GetTradingPermission.Instance);

    /// <summary>The ledger's side of the positions step.</summary>
    private async Task<ReconcilePositions> ReconcilePositionsAsync()
    {
        var reconcile = await Ledger.FishForMessageAsync<ReconcilePositions>(_ => true);
        Ledger.Reply(new PositionsReconciled(reconcile.ReconciliationId, []));
        return reconcile;
    }

    [Fact]
    public async Task An_account_creates_broker_orders_ledger_risk_and_day_and_hands_the_refs_on()
    {
        var account = StartAccount(reconcileOnStart: false);

        var refs = await RefsAsync(account);

        Assert.Equal(["broker", "orders", "ledger", "risk", "day"], new[] { refs.Broker, refs.Orders, refs.Ledger, refs.Risk!, refs.Day! }.Select(r => r.Path.Name));
        Assert.All([refs.Broker, refs.Orders, refs.Ledger], r => Assert.Equal(account.Path, r.Path.Parent));
        Assert.Equal((refs.Orders, (IActorRef?)null), (_riskGot!.Orders, _riskGot.Risk));
        Assert.Equal(refs.Risk, _dayGot!.Risk);
    }

    [Fact]
    public async Task An_account_starts_with_trading_not_permitted()
    {
        var refs = await RefsAsync(StartAccount(reconcileOnStart: false));

        var permission = await PermissionAsync(refs);

        Assert.False(permission.Allowed);
        Assert.Contains("starts halted", (await AskAsync<OrderSubmitRefused>(refs.Orders, new SubmitOrder(Intent()))).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trading_is_permitted_after_orders_then_fills_then_positions_were_reconciled()
    {
        // An order placed while the node was down, partly filled: its fill must be in the ledger before positions are compared.
        Venue.AddOrder("manual-1", OrderSide.Buy, 5m, status: OrderStatus.PartiallyFilled, filled: 2m, averagePrice: 50m);
        var account = StartAccount();
        var refs = await RefsAsync(account);

        var book = await Ledger.ExpectMsgAsync<BookFill>();
        Assert.Equal((2m, 50m), (book.Fill.Quantity, book.Fill.Price));
        Assert.False((await PermissionAsync(refs)).Allowed);
        Assert.False(Ledger.HasMessages);
        Ledger.Reply(new FillBooked(book.ExecutionId, book.DeliveryId, AlreadyBooked: false));
        var positions = await ReconcilePositionsAsync();

        Assert.Equal(Venue.Cash, positions.BrokerCash);
        await AwaitAssertAsync(async () => Assert.True((await PermissionAsync(refs)).Allowed));
        var status = await AskAsync<AccountStatus>(account, GetAccountStatus.Instance);
        Assert.Equal((true, positions.ReconciliationId), (status.Reconciled, status.LastReconciliationId));
    }

    [Fact]
    public async Task A_failed_reconciliation_keeps_trading_halted_and_says_why()
    {
        var alerts = CreateTestProbe();
        Sys.EventStream.Subscribe(alerts.Ref, typeof(AccountAlert));
        Venue.Script(ScriptedBrokerAccount.ListOrders, ScriptedBrokerOutcome.ServerError);
        var account = StartAccount(reconcileOnStart: false);
        var refs = await RefsAsync(account);

        var failed = await AskAsync<StartupReconciliationFailed>(account, StartReconciliation.Instance);

        Assert.Equal(ReconciliationStep.Orders, failed.Step);
        Assert.Contains("500", (await alerts.ExpectMsgAsync<AccountAlert>()).Reason, StringComparison.Ordinal);
        Assert.False((await PermissionAsync(refs)).Allowed);
        Assert.Contains("500", (await AskAsync<AccountStatus>(account, GetAccountStatus.Instance)).LastFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_reconciliation_is_tried_again_after_the_retry_interval()
    {
        var failures = CreateTestProbe();
        Sys.EventStream.Subscribe(failures.Ref, typeof(StartupReconciliationFailed));
        Venue.Script(ScriptedBrokerAccount.ListOrders, ScriptedBrokerOutcome.ServerError);
        var refs = await RefsAsync(StartAccount());
        await failures.ExpectMsgAsync<StartupReconciliationFailed>();

        Scheduler.Advance(Settings.ReconciliationRetryInterval);
        await ReconcilePositionsAsync();

        await AwaitAssertAsync(async () => Assert.True((await PermissionAsync(refs)).Allowed));
        Assert.Equal(2, Venue.CallsOf(ScriptedBrokerAccount.ListOrders).Count);
    }

    [Fact]
    public async Task A_child_that_stops_halts_trading_for_good()
    {
        var alerts = CreateTestProbe();
        Sys.EventStream.Subscribe(alerts.Ref, typeof(AccountAlert));
        var account = StartAccount();
        var refs = await RefsAsync(account);
        await ReconcilePositionsAsync();
        await AwaitAssertAsync(async () => Assert.True((await PermissionAsync(refs)).Allowed));

        Sys.Stop(refs.Ledger);

        Assert.Equal("ledger", (await alerts.ExpectMsgAsync<AccountAlert>()).Source);
        await AwaitAssertAsync(async () => Assert.False((await PermissionAsync(refs)).Allowed));
        Assert.Equal(["ledger"], (await AskAsync<AccountStatus>(account, GetAccountStatus.Instance)).StoppedChildren);
        Assert.IsType<StartupReconciliationFailed>(await AskAsync<object>(account, StartReconciliation.Instance));
    }

    [Fact]
    public async Task An_order_manager_that_cannot_recover_its_journal_stops_and_the_account_alerts()
    {
        var alerts = CreateTestProbe();
        Sys.EventStream.Subscribe(alerts.Ref, typeof(AccountAlert));
        await Journal.WriteAsync([new PersistentRepr(OrdersPersistenceId, 1, "order-submitted", Encoding.UTF8.GetBytes("{\"v\":1,\"data\":{\"broken\":"), DateTimeOffset.UnixEpoch, [], "test")]);

        var account = StartAccount(reconcileOnStart: false);

        Assert.Equal("orders", (await alerts.ExpectMsgAsync<AccountAlert>()).Source);
        Assert.Equal(["orders"], (await AskAsync<AccountStatus>(account, GetAccountStatus.Instance)).StoppedChildren);
        Assert.IsType<StartupReconciliationFailed>(await AskAsync<object>(account, StartReconciliation.Instance));
    }

    [Fact]
    public async Task With_reconcile_on_start_off_trading_waits_for_a_requested_reconciliation()
    {
        var account = StartAccount(reconcileOnStart: false);
        var refs = await RefsAsync(account);
        var requester = CreateTestProbe();

        account.Tell(StartReconciliation.Instance, requester.Ref);
        await ReconcilePositionsAsync();

        Assert.NotNull(await requester.ExpectMsgAsync<StartupReconciliationSucceeded>());
        Assert.True((await PermissionAsync(refs)).Allowed);
    }

    [Fact]
    public async Task With_a_permission_gate_a_reconciliation_is_told_to_the_gate_and_never_to_the_order_manager()
    {
        var gate = CreateTestProbe("gate");
        var account = StartAccountWithGate(gate);
        var refs = await RefsAsync(account);

        var positions = await ReconcilePositionsAsync();

        Assert.Equal(positions.ReconciliationId, (await gate.FishForMessageAsync<StartupReconciliationSucceeded>(_ => true)).ReconciliationId);
        Assert.Equal(account, gate.LastSender);
        var permission = await PermissionAsync(refs);
        Assert.False(permission.Allowed);
        Assert.DoesNotContain(AccountId, permission.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_permission_gate_a_failed_reconciliation_is_told_to_the_gate()
    {
        var gate = CreateTestProbe("gate");
        Venue.Script(ScriptedBrokerAccount.ListOrders, ScriptedBrokerOutcome.ServerError);
        var refs = await RefsAsync(StartAccountWithGate(gate));

        Assert.Equal(ReconciliationStep.Orders, (await gate.FishForMessageAsync<StartupReconciliationFailed>(_ => true)).Step);
        Assert.DoesNotContain("500", (await PermissionAsync(refs)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_permission_gate_a_stopped_child_is_told_to_the_gate()
    {
        var gate = CreateTestProbe("gate");
        var refs = await RefsAsync(StartAccountWithGate(gate));
        await ReconcilePositionsAsync();
        await gate.FishForMessageAsync<StartupReconciliationSucceeded>(_ => true);

        Sys.Stop(refs.Ledger);

        Assert.Equal("ledger", (await gate.FishForMessageAsync<AccountAlert>(_ => true)).Source);
        Assert.DoesNotContain("stopped", (await PermissionAsync(refs)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restarted_order_manager_is_permitted_again_once_the_account_had_reconciled()
    {
        var account = StartAccount();
        var refs = await RefsAsync(account);
        await ReconcilePositionsAsync();
        await AwaitAssertAsync(async () => Assert.True((await PermissionAsync(refs)).Allowed));

        refs.Orders.Tell(Kill.Instance, TestActor);

        await AwaitAssertAsync(async () => Assert.True((await PermissionAsync(refs)).Allowed));
        Assert.Empty((await AskAsync<AccountStatus>(account, GetAccountStatus.Instance)).StoppedChildren);
    }

    [Fact]
    public async Task With_a_permission_gate_a_restarted_order_manager_asks_the_gate_for_its_permission_again()
    {
        var gate = CreateTestProbe("gate");
        var refs = await RefsAsync(StartAccountWithGate(gate));
        await gate.FishForMessageAsync<OrderManagerStarted>(_ => true);

        refs.Orders.Tell(Kill.Instance, TestActor);

        Assert.Equal(AccountId, (await gate.FishForMessageAsync<OrderManagerStarted>(_ => true)).AccountId);
        Assert.Equal(refs.Orders, gate.LastSender);
    }
}
