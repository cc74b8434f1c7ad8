using ActorTrader.Benchmarks.Actors;
using ActorTrader.Brokers.Paper;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Persistence.Sqlite;
using ActorTrader.Trading.Accounts;
using ActorTrader.Trading.Host;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Reconciliation;
using ActorTrader.Trading.Risk;
using PersistenceExtension = ActorTrader.Persistence.Persistence;

namespace ActorTrader.Benchmarks.Orders;

/// <summary>
/// One trading account as a node runs it, in process: an actor system with persistence on a durable SQLite journal
/// (<c>journal.db</c> in <see cref="Directory"/>), the embedded paper broker (<c>paper.db</c>) behind the broker actor,
/// and <c>account-bench</c> with its order manager, ledger and risk manager. Ready once startup reconciliation succeeded.
/// </summary>
internal sealed class BenchAccount : IAsyncDisposable
{
    public const string AccountId = "bench";

    public const decimal InitialCash = 1_000_000_000m;

    public static readonly Symbol Symbol = Symbol.Parse("NYSE:AAPL");

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Limits that never refuse a benchmark order, so every sample takes the same path through the checks.</summary>
    public static readonly RiskSettings Risk = RiskSettings.Default with
    {
        MaxOrderWeight = 1m,
        MaxPositionWeight = 1m,
        MaxGrossExposure = 10m,
        MaxNetExposure = 10m,
        MaxTradesPerDay = int.MaxValue,
        AllowWhenMarketClosed = true,
        CircuitBreakers = [],
    };

    private readonly PersistenceStores _stores;

    private BenchAccount(string directory, PersistenceStores stores, ActorSystem system, PaperBroker paper, AccountRefs refs)
    {
        Directory = directory;
        _stores = stores;
        System = system;
        Paper = paper;
        Refs = refs;
    }

    public string Directory { get; }

    public ActorSystem System { get; }

    public PaperBroker Paper { get; }

    public AccountRefs Refs { get; }

    public static string JournalFile(string directory) => Path.Combine(directory, "journal.db");

    public static string PaperFile(string directory) => Path.Combine(directory, "paper.db");

    public static PaperBroker OpenPaper(string directory) =>
        new(PaperBrokerSettings.Default(PaperFile(directory)) with { InitialCash = InitialCash }, new SessionTime());

    public static EventSerializer Serializer() => TradingJournal.Register(new EventSerializer());

    /// <summary>Opens the journal and paper account in <paramref name="directory"/> (creating them when new), starts the account and waits until it reconciled.</summary>
    public static async Task<BenchAccount> StartAsync(string directory, SubmitStamps stamps, OrderManagerSettings? orders = null, LedgerSettings? ledger = null)
    {
        global::System.IO.Directory.CreateDirectory(directory);
        var stores = SqliteStoreFactory.Create(new SqliteStoreOptions(JournalFile(directory)));
        await stores.StartAsync();
        var system = BenchmarkSystem.Create();
        var paper = OpenPaper(directory);
        try
        {
            PersistenceExtension.Install(system, new PersistenceSetup(stores, Serializer()));
            var ledgerSettings = ledger ?? LedgerSettings.Default with { InitialCash = InitialCash, Kind = AccountKind.Margin };
            var props = new AccountProps(
                AccountId,
                () => stamps.Stamped(new SharedBroker(paper)),
                () => LedgerActor.CreateProps(AccountId, ledgerSettings),
                // Risk asks the order manager for the day's orders at start; its automatic actions are off (no circuit breakers).
                refs => RiskActor.CreateProps(AccountId, Risk, refs.Orders, MarketCalendars.Nyse, refs.Ledger))
            {
                Settings = TradingAccountSettings.Default with { Orders = orders ?? OrderManagerSettings.Default },
            };
            var account = system.ActorOf(AccountActor.CreateProps(props), AccountActor.NameOf(AccountId));
            var refs = await account.Ask<AccountRefs>(GetAccountRefs.Instance, Timeout);
            var outcome = await account.Ask<object>(StartReconciliation.Instance, Timeout);
            if (outcome is not StartupReconciliationSucceeded)
                throw new InvalidOperationException($"The benchmark account did not reconcile: {outcome}.");
            return new BenchAccount(directory, stores, system, paper, refs);
        }
        catch
        {
            await system.Terminate();
            await paper.DisposeAsync();
            await stores.DisposeAsync();
            throw;
        }
    }

    /// <summary>A buy of 1 share with a client order id of its own (the rebalance id makes it unique).</summary>
    public static OrderIntent Intent(string rebalanceId) => new(AccountId, "bench", rebalanceId, Symbol, Domain.Orders.OrderSide.Buy, 1m, "target", 150m);

    public async ValueTask DisposeAsync()
    {
        await System.Terminate();
        await Paper.DisposeAsync();
        await _stores.DisposeAsync();
    }

    /// <summary>The paper broker's clock: inside a regular session, so its checks run as on a trading day.</summary>
    internal sealed class SessionTime : TimeProvider
    {
        public static readonly DateTimeOffset Now = new(2022, 9, 6, 15, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
