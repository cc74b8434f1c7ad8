using ActorTrader.Actors;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Memory;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Persistence.Sqlite;
using ActorTrader.TestKit;
using ActorTrader.Trading.Broker;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Tests.Fakes;

namespace ActorTrader.Trading.Tests.Orders;

/// <summary>
/// Base of the order manager, broker actor and account tests: virtual time, a journal (memory by default, SQLite on
/// request), a scripted broker account, a real broker actor over it and a probe as the ledger.
/// </summary>
public abstract class OrderTestKit : TestKit.TestKit, IDisposable
{
    protected const string AccountId = "acc-1";

    protected static readonly Symbol Aapl = new("NASDAQ", "AAPL");

    protected static readonly OrderManagerSettings OrderSettings = new(
        SnapshotInterval: 1000,
        ResolveInterval: TimeSpan.FromSeconds(1),
        ResolveGrace: TimeSpan.FromSeconds(5),
        RedeliverInterval: TimeSpan.FromSeconds(2),
        FillsTimeout: TimeSpan.FromSeconds(10),
        BrokerTimeout: TimeSpan.FromSeconds(5));

    protected static readonly BrokerConnectionSettings ConnectionSettings = new(
        MinBackoff: TimeSpan.FromSeconds(1),
        MaxBackoff: TimeSpan.FromSeconds(8),
        RandomFactor: 0,
        ResetBackoff: TimeSpan.FromSeconds(60),
        MaxBuffered: 100,
        BufferTimeout: TimeSpan.FromSeconds(30),
        MaxInFlight: 1);

    // Virtual time moves in big steps in these tests: store calls must never time out because of it.
    private static readonly PersistenceSettings TestPersistence = PersistenceSettings.Default with
    {
        Journal = "memory",
        CircuitBreaker = new CircuitBreakerSettings { CallTimeout = TimeSpan.FromDays(1), ResetTimeout = TimeSpan.FromDays(1) },
        Recovery = new RecoverySettings { Timeout = TimeSpan.FromDays(1) },
    };

    private readonly List<PersistenceStores> _stores = [];
    private string? _directory;

    protected OrderTestKit() : base(new TestKitSettings { VirtualTime = true })
    {
        Venue = new ScriptedBrokerAccount(() => Scheduler.Now);
        Ledger = CreateTestProbe("ledger");
    }

    protected ScriptedBrokerAccount Venue { get; }

    protected TestProbe Ledger { get; }

    protected MemoryStorage Storage { get; } = new();

    protected IJournal Journal { get; private set; } = null!;

    protected static string OrdersPersistenceId => OrderManagerActor.PersistenceIdPrefix + AccountId;

    protected void UseMemoryJournal() => Install(PersistenceStores.InMemory(Storage));

    /// <summary>A memory journal behind a gate the test controls.</summary>
    protected GatedJournal UseGatedMemoryJournal()
    {
        var memory = PersistenceStores.InMemory(Storage);
        var gated = new GatedJournal(memory.Journal);
        Install(memory with { Journal = gated });
        return gated;
    }

    protected async Task UseSqliteJournalAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "actortrader-orders-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var stores = SqliteStoreFactory.Create(new SqliteStoreOptions(Path.Combine(_directory, "actortrader.db")));
        await stores.StartAsync();
        Install(stores);
    }

    private void Install(PersistenceStores stores)
    {
        _stores.Add(stores);
        Journal = stores.Journal;
        Persistence.Persistence.Install(Sys, new PersistenceSetup(stores, OrderEvents.Register(new EventSerializer())) { Settings = TestPersistence });
    }

    protected IActorRef StartBroker(string name = "broker") => Sys.ActorOf(BrokerActor.CreateProps(Venue.Connect, ConnectionSettings), name);

    protected IActorRef StartOrders(IActorRef broker, string name = "orders", OrderManagerSettings? settings = null) =>
        Sys.ActorOf(OrderManagerActor.CreateProps(AccountId, broker, Ledger.Ref, settings ?? OrderSettings), name);

    /// <summary>A memory journal, a broker actor and an order manager that may trade.</summary>
    protected async Task<(IActorRef Broker, IActorRef Orders)> StartTradingAsync(OrderManagerSettings? settings = null)
    {
        if (Journal is null) UseMemoryJournal();
        var broker = StartBroker();
        var orders = StartOrders(broker, settings: settings);
        await PermitAsync(orders);
        return (broker, orders);
    }

    protected async Task PermitAsync(IActorRef orders, bool reducingOnly = false)
    {
        orders.Tell(new TradingPermission(true, reducingOnly, "test"), TestActor);
        var permission = await AskAsync<TradingPermission>(orders, GetTradingPermission.Instance);
        Assert.True(permission.Allowed);
    }

    protected static OrderIntent Intent(string rebalanceId = "r-1", decimal quantity = 10m, OrderSide side = OrderSide.Buy, bool reducesExposure = false,
        OrderType type = OrderType.Market, decimal? limitPrice = null, string leg = "target") =>
        new(AccountId, "core", rebalanceId, Aapl, side, quantity, leg, 100m, type, TimeInForce.Day, limitPrice, ReducesExposure: reducesExposure);

    /// <summary>Sends <paramref name="message"/> from a fresh probe and expects its answer in real time (an Ask would wait on virtual time).</summary>
    protected async Task<T> AskAsync<T>(IActorRef target, object message)
    {
        var probe = CreateTestProbe();
        target.Tell(message, probe.Ref);
        return await probe.ExpectMsgAsync<T>();
    }

    protected async Task<OrderSubmitAccepted> SubmitAsync(IActorRef orders, OrderIntent intent) =>
        await AskAsync<OrderSubmitAccepted>(orders, new SubmitOrder(intent));

    protected async Task<OrderView?> OrderAsync(IActorRef orders, string clientOrderId) =>
        (await AskAsync<OrderLookup>(orders, new GetOrder(clientOrderId))).Order;

    /// <summary>Waits until the order is in <paramref name="status"/> (answers come through the broker actor asynchronously).</summary>
    protected async Task<OrderView> AwaitStatusAsync(IActorRef orders, string clientOrderId, OrderState status)
    {
        OrderView? seen = null;
        await AwaitAssertAsync(async () =>
        {
            seen = await OrderAsync(orders, clientOrderId);
            Assert.Equal(status, seen?.Status);
        });
        return seen!;
    }

    protected async Task<IReadOnlyList<OrderView>> OrdersAsync(IActorRef orders, bool openOnly = false) =>
        (await AskAsync<OrdersView>(orders, new GetOrders(openOnly))).Orders;

    /// <summary>Waits until the broker actor's backoff supervisor has counted this many restarts, so the next reconnect is on the virtual clock.</summary>
    protected async Task AwaitRestartsAsync(IActorRef broker, int restarts)
    {
        var probe = CreateTestProbe();
        await AwaitAssertAsync(async () =>
        {
            Sys.ActorSelection($"{broker.Path.ToStringWithoutAddress()}/{BrokerActor.ConnectionName}").Tell(BackoffSupervisor.GetRestartCount.Instance, probe.Ref);
            Assert.Equal(restarts, (await probe.ExpectMsgAsync<BackoffSupervisor.RestartCount>(TimeSpan.FromMilliseconds(500))).Count);
        });
    }

    /// <summary>Stops the actor and waits until it has terminated (so a successor with the same persistence id does not overlap it).</summary>
    protected async Task StopAsync(IActorRef actor)
    {
        var watcher = CreateTestProbe();
        watcher.Watch(actor);
        Sys.Stop(actor);
        await watcher.ExpectTerminatedAsync(actor);
    }

    /// <summary>The manifests journaled under the order manager's persistence id, in order.</summary>
    protected async Task<IReadOnlyList<string>> JournaledManifestsAsync()
    {
        var manifests = new List<string>();
        await foreach (var row in Journal.ReplayAsync(OrdersPersistenceId, 1, long.MaxValue, long.MaxValue)) manifests.Add(row.Manifest);
        return manifests;
    }

    /// <summary>The ledger's side of at-least-once delivery: expects a BookFill and confirms it.</summary>
    protected async Task<BookFill> BookNextFillAsync()
    {
        var book = await Ledger.ExpectMsgAsync<BookFill>();
        Ledger.Reply(new FillBooked(book.ExecutionId, book.DeliveryId, AlreadyBooked: false));
        return book;
    }

    public void Dispose()
    {
        foreach (var stores in _stores) stores.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_directory is not null && Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
