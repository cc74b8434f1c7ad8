using ActorTrader.Actors;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Memory;
using ActorTrader.Persistence.Serialization;
using ActorTrader.TestKit;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk;
using ActorTrader.Trading.Tests.Fakes;
using static ActorTrader.Trading.Tests.Risk.RiskTestData;

namespace ActorTrader.Trading.Tests.Risk;

/// <summary>
/// Base of the risk actor tests: virtual time, an in-memory journal behind a gate the test may close, and an order
/// manager stub that answers the book queries and hands every other message to <see cref="Orders"/>.
/// </summary>
public abstract class RiskActorTestKit : TestKit.TestKit
{
    /// <summary>The test scheduler's first day (it starts at 14:30Z, 09:30 in New York).</summary>
    protected static readonly DateOnly Monday = new(2026, 1, 5);

    /// <summary>NAV 100,000: cash 50,000, 100 AAPL at 300, 100 MSFT at 200.</summary>
    protected static readonly LedgerView Book = LedgerOf(50_000m, (Aapl, 100, 300m), (Msft, 100, 200m));

    private readonly PersistenceStores _stores;
    private IActorRef _orderManager;
    private int _incarnation;

    protected RiskActorTestKit() : base(new TestKitSettings { VirtualTime = true })
    {
        var memory = PersistenceStores.InMemory(new MemoryStorage());
        Journal = new GatedJournal(memory.Journal);
        _stores = memory with { Journal = Journal };
        Persistence.Persistence.Install(Sys, new PersistenceSetup(_stores, RiskEvents.Register(new EventSerializer())));
        Orders = CreateTestProbe("orders");
        _orderManager = Sys.ActorOf(OrderManagerStub.CreateProps(TestAccount, Orders.Ref), "order-manager");
    }

    /// <summary>What the risk manager sends its order manager (book queries aside).</summary>
    protected TestProbe Orders { get; }

    protected GatedJournal Journal { get; }

    /// <summary>From now on the book queries go to <see cref="Orders"/> unanswered, like an order manager still recovering.</summary>
    protected void HoldBookQueries() => _orderManager = Sys.ActorOf(OrderManagerStub.CreateProps(TestAccount, Orders.Ref, answerBook: false), "silent-order-manager");

    /// <summary>Puts an order in the order manager's book, as if it had journaled it.</summary>
    protected void RecordInBook(OrderView order) => _orderManager.Tell(new OrderManagerStub.Record(order));

    protected IActorRef Start(RiskSettings? settings = null, IMarketCalendar? calendar = null) =>
        Sys.ActorOf(RiskActor.CreateProps(TestAccount, settings ?? RiskSettings.Default, _orderManager, calendar ?? MarketCalendars.Crypto), $"risk-{++_incarnation}");

    protected async Task<IActorRef> RestartAsync(IActorRef risk, RiskSettings? settings = null, IMarketCalendar? calendar = null)
    {
        Watch(risk);
        Sys.Stop(risk);
        await ExpectTerminatedAsync(risk);
        return Start(settings, calendar);
    }

    protected Task<RiskStateView> StateAsync(IActorRef risk) => risk.Ask<RiskStateView>(GetRiskState.Instance, DefaultTimeout);

    protected Task<RiskChecked> CheckAsync(IActorRef risk, params OrderIntent[] intents) => risk.Ask<RiskChecked>(new CheckOrders(intents), DefaultTimeout);

    /// <summary>Sends the ledger views, then waits until the actor handled them (its state reply comes after).</summary>
    protected async Task<RiskStateView> FeedAsync(IActorRef risk, params LedgerView[] views)
    {
        foreach (var view in views) risk.Tell(new LedgerChanged(view));
        return await StateAsync(risk);
    }

    protected async Task<List<SubmitOrder>> ExpectSubmitsAsync(int count)
    {
        var submits = new List<SubmitOrder>();
        for (var i = 0; i < count; i++) submits.Add(await ExpectCommandAsync<SubmitOrder>());
        return submits;
    }

    /// <summary>Answers as the order manager and the broker would: every order placed and acknowledged, the cancel done.</summary>
    protected void Acknowledge(IActorRef risk, IEnumerable<SubmitOrder> submits, bool cancel = true)
    {
        if (cancel) risk.Tell(new OpenOrdersCanceled(0), Orders.Ref);
        foreach (var submit in submits)
        {
            risk.Tell(new OrderSubmitAccepted(submit.Intent.ClientOrderId, false), Orders.Ref);
            Publish(submit.Intent, OrderState.New);
        }
    }

    /// <summary>Publishes the order manager's news of an order, as it does after journaling a change.</summary>
    protected void Publish(OrderIntent intent, OrderState state, decimal filled = 0m, string? error = null, DateTimeOffset? submittedAt = null)
    {
        var change = state switch
        {
            OrderState.PendingSubmit => OrderChangeKind.Submitted,
            OrderState.Rejected => OrderChangeKind.SubmitRejected,
            OrderState.Filled or OrderState.PartiallyFilled => OrderChangeKind.Filled,
            OrderState.New => OrderChangeKind.Accepted,
            _ => OrderChangeKind.StatusChanged,
        };
        Sys.EventStream.Publish(new OrderChanged(TestAccount, OrderOf(intent, state, submittedAt ?? Scheduler.Now, filled, error), change));
    }

    /// <summary>
    /// Asserts that the risk manager, once it handled everything sent so far, has sent its order manager no command (only
    /// lookups, which change nothing): a marker told to the stub after that arrives before any command.
    /// </summary>
    protected async Task ExpectNoCommandAsync(IActorRef risk)
    {
        await StateAsync(risk);
        const string marker = "no command";
        _orderManager.Tell(marker);
        object message;
        while ((message = await Orders.ExpectMsgAsync<object>()) is GetOrder or GetOrders)
        {
        }
        Assert.Equal(marker, message);
    }

    /// <summary>The next command the risk manager sends its order manager, skipping lookups.</summary>
    protected async Task<T> ExpectCommandAsync<T>()
    {
        object message;
        while ((message = await Orders.ExpectMsgAsync<object>()) is GetOrder or GetOrders)
        {
        }
        return Assert.IsType<T>(message);
    }

    protected async Task<List<object>> JournaledAsync()
    {
        var serializer = RiskEvents.Register(new EventSerializer());
        var events = new List<object>();
        await foreach (var e in _stores.Journal.ReplayAsync(RiskActor.PersistenceIdPrefix + TestAccount, 1, long.MaxValue, long.MaxValue))
            events.Add(serializer.Deserialize(e.Manifest, e.Payload, e.PersistenceId, e.SequenceNr));
        return events;
    }

    /// <summary>A 10% drawdown from 100,000: REDUCE_POSITIONS (the tighten-stops level trips with it).</summary>
    protected async Task<List<SubmitOrder>> ReduceAsync(IActorRef risk)
    {
        await FeedAsync(risk, Book, WithNav(Book, 90_000m));
        await Orders.ExpectMsgAsync<TradingPermission>();
        await Orders.ExpectMsgAsync<CancelAllOpenOrders>();
        return await ExpectSubmitsAsync(2);
    }

    /// <summary>Starts the day at 100,000 and loses 3% of it: HALT.</summary>
    protected async Task HaltAsync(IActorRef risk)
    {
        await risk.Ask<RiskCommandResult>(new StartOfDay(Monday, 100_000m), DefaultTimeout);
        await FeedAsync(risk, Book, WithNav(Book, 97_000m));
        await Orders.ExpectMsgAsync<TradingPermission>();
        await Orders.ExpectMsgAsync<CancelAllOpenOrders>();
    }

    protected static LedgerView Unmarked(LedgerView view) =>
        view with { Marks = new Dictionary<Symbol, decimal>(), Unmarked = [.. view.Positions.Select(p => p.Symbol)] };
}
