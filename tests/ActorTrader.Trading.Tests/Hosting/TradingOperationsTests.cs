using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.TestKit;
using ActorTrader.Trading.Accounts;
using ActorTrader.Trading.Broker;
using ActorTrader.Trading.Clock;
using ActorTrader.Trading.Host;
using ActorTrader.Trading.Host.Operations;
using ActorTrader.Trading.Host.Targets;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Rebalancing;
using ActorTrader.Trading.Replay;
using ActorTrader.Trading.Risk;
using ActorTrader.Trading.Risk.PreTrade;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Host;

/// <summary>The day's submit path: live gate guard, then risk, then the trading gate, one intent at a time; open orders and cancels of a rebalance.</summary>
public sealed class TradingOperationsTests : TestKit.TestKit
{
    private static readonly Symbol Ko = new("NYSE", "KO");
    private static readonly IMarketCalendar Nyse = MarketCalendars.Nyse;
    private static readonly DateOnly Day = new(2022, 9, 1);

    private readonly TestProbe _risk;
    private readonly TestProbe _gate;
    private readonly TestProbe _broker;
    private readonly TestProbe _orders;

    public TradingOperationsTests()
    {
        _risk = CreateTestProbe("risk");
        _gate = CreateTestProbe("gate");
        _broker = CreateTestProbe("broker");
        _orders = CreateTestProbe("orders");
    }

    private TradingOperations Operations(bool live, bool synthetic)
    {
        var t = Nyse.StartOfDayUtc(Day);
        var feed = ReplayMarketFeed.FromBars(new Dictionary<Symbol, IReadOnlyList<Bar>> { [Ko] = [new Bar(t, 60m, 61m, 59m, 60.5m, 0m)] }, synthetic, "test", Nyse);
        var refs = new AccountRefs("acc", CreateTestProbe().Ref, _broker.Ref, CreateTestProbe().Ref, _orders.Ref, _risk.Ref, null);
        var targets = new ScheduledTargets([new SleeveTargetSchedule("core", 1.0, SleeveSchedule.Empty)], Nyse);
        var clock = new ReplayMarketClock(Nyse, Nyse.ToUtc(Day, new TimeOnly(15, 45)));
        return new TradingOperations(new TradingOperationsSetup(Sys, refs, _gate.Ref, targets, new FeedQuotes(feed), clock, live) { AskTimeout = TimeSpan.FromSeconds(5) });
    }

    private static GateState Gate(bool waiting) =>
        new("acc", new TradingPermission(!waiting, false, waiting ? "gate: waiting for the operator's halt state" : "gate: reconciled, not halted, risk ACTIVE"),
            "succeeded", waiting ? "unknown" : "not halted", "ACTIVE", true, null) { Waiting = waiting };

    private static OrderIntent Buy() => new("acc", "core", "2022-09-01T19:45Z", Ko, OrderSide.Buy, 10m, "target", 60m);

    [Fact]
    public async Task An_order_priced_from_synthetic_data_never_leaves_the_node_when_the_broker_is_live()
    {
        var submissions = await Operations(live: true, synthetic: true).SubmitAsync([Buy()], CancellationToken.None);

        var refused = Assert.Single(submissions);
        Assert.False(refused.Accepted);
        Assert.Contains("synthetic data never reaches a live broker", refused.Reason, StringComparison.Ordinal);
        _risk.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        _gate.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task On_the_paper_broker_an_intent_goes_to_risk_and_the_approved_one_through_the_gate()
    {
        var submit = Operations(live: false, synthetic: true).SubmitAsync([Buy()], CancellationToken.None);

        _broker.ExpectMsg<GetBrokerAccount>();
        _broker.Reply(new BrokerAccountResult(new BrokerAccount("acc", AccountKind.Cash, 100_000m, 100_000m, 100_000m, 100_000m, "ACTIVE", false, false), null));
        var check = _risk.ExpectMsg<CheckOrders>();
        _risk.Reply(new RiskChecked(check.Intents, []));
        _gate.ExpectMsg<GetGateState>();
        _gate.Reply(Gate(waiting: false));
        var sent = _gate.ExpectMsg<SubmitOrder>();
        _gate.Reply(new OrderSubmitAccepted(sent.Intent.ClientOrderId, AlreadyKnown: true));

        var accepted = Assert.Single(await submit);
        Assert.True(accepted.Accepted);
        Assert.Equal(100_000m, check.BuyingPower);
    }

    [Fact]
    public async Task An_intent_risk_refuses_never_reaches_the_gate_and_carries_risks_reason()
    {
        var submit = Operations(live: false, synthetic: false).SubmitAsync([Buy()], CancellationToken.None);

        _broker.ExpectMsg<GetBrokerAccount>();
        _broker.Reply(new BrokerAccountResult(null, new BrokerFailure(BrokerFailureKind.NotSent, "down")));
        var check = _risk.ExpectMsg<CheckOrders>();
        _risk.Reply(new RiskChecked([], [new RefusedOrder(check.Intents[0], [new PreTradeRefusal("deny-list", check.Intents[0].ClientOrderId, Ko, null, null, "KO is denied.", "Remove it.")])]));

        var refused = Assert.Single(await submit);
        Assert.False(refused.Accepted);
        Assert.Contains("deny-list", refused.Reason, StringComparison.Ordinal);
        _gate.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task The_open_orders_of_a_rebalance_are_the_order_managers_open_orders()
    {
        var at = Nyse.StartOfDayUtc(Day);
        var order = new OrderView("at-1", "b-1", "acc", Ko, OrderSide.Buy, OrderType.Market, 10m, 0m, null, OrderState.Accepted, "meta", "r", "target", at, at, null, false);

        var open = Operations(live: false, synthetic: false).GetOpenOrdersAsync(CancellationToken.None);

        Assert.True(_orders.ExpectMsg<GetOrders>().OpenOnly);
        _orders.Reply(new OrdersView("acc", [order]));
        Assert.Equal([order], await open);
    }

    [Fact]
    public async Task A_rebalances_cancel_goes_through_the_gate_and_a_refusal_comes_back_with_its_reason()
    {
        var cancel = Operations(live: false, synthetic: false).CancelAsync(
            [new PlannedCancel("at-1", Ko, "no longer fits"), new PlannedCancel("at-2", Ko, "no longer fits")], CancellationToken.None);

        var first = _gate.ExpectMsg<CancelOrder>();
        Assert.Equal(("at-1", "no longer fits"), (first.ClientOrderId, first.Reason));
        _gate.Reply(new OrderCancelRequested("at-1"));
        Assert.Equal("at-2", _gate.ExpectMsg<CancelOrder>().ClientOrderId);
        _gate.Reply(new OrderCancelRefused("at-2", "Order at-2 is already filled; nothing to cancel."));

        var answers = await cancel;
        Assert.Equal([("at-1", true), ("at-2", false)], answers.Select(a => (a.ClientOrderId, a.Requested)));
        Assert.Contains("already filled", answers[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submits_wait_until_the_gate_has_heard_every_input_so_a_start_up_race_does_not_refuse_them()
    {
        var submit = Operations(live: false, synthetic: true).SubmitAsync([Buy()], CancellationToken.None);
        _broker.ExpectMsg<GetBrokerAccount>();
        _broker.Reply(new BrokerAccountResult(new BrokerAccount("acc", AccountKind.Cash, 100_000m, 100_000m, 100_000m, 100_000m, "ACTIVE", false, false), null));
        var check = _risk.ExpectMsg<CheckOrders>();
        _risk.Reply(new RiskChecked(check.Intents, []));

        _gate.ExpectMsg<GetGateState>();
        _gate.Reply(Gate(waiting: true));
        _gate.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Sys.EventStream.Publish(new TradingPermissionChanged("acc", Gate(waiting: false).Permission));
        _gate.ExpectMsg<GetGateState>();
        _gate.Reply(Gate(waiting: false));

        var sent = _gate.ExpectMsg<SubmitOrder>();
        _gate.Reply(new OrderSubmitAccepted(sent.Intent.ClientOrderId, AlreadyKnown: true));
        Assert.True(Assert.Single(await submit).Accepted);
    }
}
