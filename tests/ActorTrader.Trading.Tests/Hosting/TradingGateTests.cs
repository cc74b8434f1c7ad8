using ActorTrader.Actors;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.TestKit;
using ActorTrader.Trading.Accounts;
using ActorTrader.Trading.Host;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Reconciliation;
using ActorTrader.Trading.Risk;

namespace ActorTrader.Trading.Tests.Host;

/// <summary>The trading gate with probes for the control actor, the account, the order manager, the ledger and risk.</summary>
public sealed class TradingGateTests : TestKit.TestKit
{
    private const string AccountId = "acc";
    private static readonly Symbol Ko = new("NYSE", "KO");
    private static readonly Symbol Ge = new("NYSE", "GE");
    private static readonly DateTimeOffset HaltedAt = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private readonly TestProbe _control;
    private readonly TestProbe _account;
    private readonly TestProbe _orders;
    private readonly TestProbe _ledger;
    private readonly TestProbe _risk;
    private readonly IActorRef _gate;

    public TradingGateTests()
    {
        _control = CreateTestProbe("control");
        _account = CreateTestProbe("account");
        _orders = CreateTestProbe("orders");
        _ledger = CreateTestProbe("ledger");
        _risk = CreateTestProbe("risk");
        _gate = Sys.ActorOf(TradingGate.CreateProps(AccountId, _control.Ref), TradingGate.NameOf(AccountId));
        _control.ExpectMsg<GetOperatorHalt>();
        _gate.Tell(new AttachAccount(new AccountRefs(AccountId, _account.Ref, CreateTestProbe().Ref, _ledger.Ref, _orders.Ref, _risk.Ref, null)));
        _account.ExpectMsg<GetAccountStatus>();
        _risk.ExpectMsg<GetRiskState>();
    }

    private static OrderIntent Buy(Symbol symbol, decimal quantity, bool reduces = false) =>
        new(AccountId, "core", "2026-11-20T20:45Z", symbol, OrderSide.Buy, quantity, "target", 60m, ReducesExposure: reduces);

    private static RiskStateView Risk(TradingState state) =>
        new(AccountId, new TradingStatus(state, state.ToString(), null, "risk"), null, null, null, null, null, null, null, null, 0, [], 0, 0, RiskSettings.Default);

    private static StartupReconciliationSucceeded Reconciled() => new($"{AccountId}-20261120T120000Z-1",
        new OrdersReconciled("r", 0, 0, 0, 0, 0, 0, []), new FillsReconciled("r", 0), new PositionsReconciled("r", []));

    /// <summary>Every input known and allowing: the order manager is told it may trade.</summary>
    private void Open()
    {
        _gate.Tell(OperatorHalt.Active);
        _gate.Tell(Risk(TradingState.Active));
        _gate.Tell(Reconciled(), _account.Ref);
        var permission = (TradingPermission)_orders.FishForMessage(m => m is TradingPermission { Allowed: true });
        Assert.False(permission.ReducingOnly);
    }

    private OrderSubmitRefused RefusedSubmit(OrderIntent intent)
    {
        _gate.Tell(new SubmitOrder(intent), TestActor);
        return ExpectMsg<OrderSubmitRefused>();
    }

    [Fact]
    public void Before_every_input_is_known_a_submit_is_refused_naming_what_is_missing()
    {
        _gate.Tell(OperatorHalt.Active);

        var refused = RefusedSubmit(Buy(Ko, 10));

        Assert.Contains("startup reconciliation", refused.Reason, StringComparison.Ordinal);
        _orders.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void The_gate_says_it_is_waiting_until_it_has_heard_every_input()
    {
        _gate.Tell(OperatorHalt.Active);
        _gate.Tell(GetGateState.Instance, TestActor);
        Assert.True(ExpectMsg<GateState>().Waiting);

        Open();

        _gate.Tell(GetGateState.Instance, TestActor);
        Assert.False(ExpectMsg<GateState>().Waiting);
    }

    [Fact]
    public void Once_reconciled_not_halted_and_risk_active_the_order_manager_may_trade_and_submits_pass()
    {
        Open();
        var submit = new SubmitOrder(Buy(Ko, 10));

        _gate.Tell(submit, TestActor);

        Assert.Equal(submit, _orders.ExpectMsg<SubmitOrder>());
        Assert.Equal(TestActor, _orders.LastSender);
    }

    [Fact]
    public void A_restarted_order_manager_is_told_the_current_permission_again()
    {
        Open();

        _gate.Tell(new OrderManagerStarted(AccountId), _orders.Ref);

        Assert.True(_orders.ExpectMsg<TradingPermission>().Allowed);
        _gate.Tell(new SubmitOrder(Buy(Ko, 10)), TestActor);
        _orders.ExpectMsg<SubmitOrder>();
    }

    [Fact]
    public void A_restarted_order_manager_is_told_nothing_while_the_gate_still_waits_for_its_inputs()
    {
        _gate.Tell(OperatorHalt.Active);

        _gate.Tell(new OrderManagerStarted(AccountId), _orders.Ref);

        _orders.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_reconciliation_that_changes_nothing_sends_the_order_manager_nothing()
    {
        Open();

        _gate.Tell(Reconciled(), _account.Ref);

        _orders.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        _gate.Tell(GetGateState.Instance, TestActor);
        Assert.True(ExpectMsg<GateState>().Permission.Allowed);
    }

    [Fact]
    public void A_reconciliation_published_by_someone_else_is_not_an_input_of_the_gate()
    {
        _gate.Tell(OperatorHalt.Active);
        _gate.Tell(Risk(TradingState.Active));

        Sys.EventStream.Publish(Reconciled());

        _orders.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Contains("startup reconciliation", RefusedSubmit(Buy(Ko, 1)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_reconciliation_told_by_the_account_closes_the_order_manager()
    {
        Open();

        _gate.Tell(new StartupReconciliationFailed($"{AccountId}-20261120T130000Z-2", ReconciliationStep.Fills, "ledger did not confirm"), _account.Ref);

        var permission = _orders.ExpectMsg<TradingPermission>();
        Assert.False(permission.Allowed);
        Assert.Contains("ledger did not confirm", permission.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_halt_turns_the_permission_off_and_cancels_every_open_order_at_once()
    {
        Open();

        _gate.Tell(new OperatorHalt(true, "broker outage", HaltedAt, "operator"));

        Assert.False(_orders.ExpectMsg<TradingPermission>().Allowed);
        Assert.Contains("broker outage", _orders.ExpectMsg<CancelAllOpenOrders>().Reason, StringComparison.Ordinal);
        Assert.Contains("broker outage", RefusedSubmit(Buy(Ko, 1)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_halt_with_flatten_closes_every_position_with_reducing_operator_orders_of_the_halts_rebalance_id()
    {
        Open();
        var halt = new OperatorHalt(true, "flatten test", HaltedAt, "operator", Flatten: true);

        _gate.Tell(halt);
        _orders.ExpectMsg<TradingPermission>();
        _orders.ExpectMsg<CancelAllOpenOrders>();
        _orders.Reply(new OpenOrdersCanceled(2));
        _ledger.ExpectMsg<GetLedger>();
        _ledger.Reply(Ledger(new Position(Ko, 12m, 60m), new Position(Ge, -5m, 50m)));

        var permission = _orders.ExpectMsg<TradingPermission>();
        var first = _orders.ExpectMsg<SubmitOrder>().Intent;
        var second = _orders.ExpectMsg<SubmitOrder>().Intent;

        Assert.True(permission.Allowed && permission.ReducingOnly);
        Assert.Equal([(Ge, OrderSide.Buy, 5m), (Ko, OrderSide.Sell, 12m)], new[] { first, second }.Select(i => (i.Symbol, i.Side, i.Quantity)));
        Assert.All([first, second], i =>
        {
            Assert.Equal(TradingGate.OperatorSleeve, i.Sleeve);
            Assert.Equal(halt.FlattenRebalanceId, i.RebalanceId);
            Assert.True(i.ReducesExposure);
        });
    }

    [Fact]
    public void After_the_flatten_orders_are_answered_the_order_manager_is_closed_again()
    {
        Open();
        _gate.Tell(new OperatorHalt(true, "flatten test", HaltedAt, "operator", Flatten: true));
        _orders.ExpectMsg<TradingPermission>();
        _orders.ExpectMsg<CancelAllOpenOrders>();
        _orders.Reply(new OpenOrdersCanceled(0));
        _ledger.ExpectMsg<GetLedger>();
        _ledger.Reply(Ledger(new Position(Ko, 12m, 60m)));
        _orders.ExpectMsg<TradingPermission>();
        var intent = _orders.ExpectMsg<SubmitOrder>().Intent;

        _orders.Reply(new OrderSubmitAccepted(intent.ClientOrderId, false));

        Assert.False(_orders.ExpectMsg<TradingPermission>().Allowed);
    }

    [Fact]
    public void The_same_halt_gives_the_same_flatten_client_order_ids()
    {
        var halt = new OperatorHalt(true, "x", HaltedAt, "operator", true);
        var again = halt with { Reason = "asked twice" };

        Assert.Equal(halt.FlattenRebalanceId, again.FlattenRebalanceId);
        Assert.NotEqual(halt.FlattenRebalanceId, (halt with { Since = HaltedAt.AddMinutes(1) }).FlattenRebalanceId);
    }

    [Fact]
    public void Resume_restores_trading_only_when_risk_allows_it()
    {
        Open();
        _gate.Tell(new OperatorHalt(true, "halt", HaltedAt, "operator"));
        _orders.ExpectMsg<TradingPermission>();
        _orders.ExpectMsg<CancelAllOpenOrders>();
        _gate.Tell(new TradingPermission(false, false, "risk: HALTED (daily loss)"));

        _gate.Tell(OperatorHalt.Active);

        var permission = _orders.ExpectMsg<TradingPermission>();
        Assert.False(permission.Allowed);
        Assert.Contains("daily loss", permission.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_reducing_lets_only_reducing_orders_through()
    {
        Open();

        _gate.Tell(new TradingPermission(true, true, "risk: REDUCING (drawdown)"));

        Assert.True(_orders.ExpectMsg<TradingPermission>().ReducingOnly);
        Assert.Contains("reducing only", RefusedSubmit(Buy(Ko, 1)).Reason, StringComparison.Ordinal);
        _gate.Tell(new SubmitOrder(Buy(Ko, 1, reduces: true)), TestActor);
        _orders.ExpectMsg<SubmitOrder>();
    }

    [Fact]
    public void Risk_actions_reach_the_order_manager_with_risk_as_the_sender()
    {
        Open();
        var cancel = new CancelAllOpenOrders("risk action 1");

        _gate.Tell(cancel, _risk.Ref);

        Assert.Equal(cancel, _orders.ExpectMsg<CancelAllOpenOrders>());
        Assert.Equal(_risk.Ref, _orders.LastSender);
    }

    [Fact]
    public void A_stopped_account_actor_closes_the_gate_for_good()
    {
        Open();

        _gate.Tell(new AccountAlert(AccountId, "ledger", "stopped", HaltedAt), _account.Ref);

        Assert.False(_orders.ExpectMsg<TradingPermission>().Allowed);
        _gate.Tell(Reconciled(), _account.Ref);
        _orders.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Contains("stopped", RefusedSubmit(Buy(Ko, 1)).Reason, StringComparison.Ordinal);
    }

    private static LedgerView Ledger(params Position[] positions) => new(AccountId, AccountKind.Margin, 100_000m, positions,
        new Dictionary<Symbol, decimal>(), 0m, 0m, 0m, 100_000m, 0m, 0m, 0, [], HaltedAt);
}
