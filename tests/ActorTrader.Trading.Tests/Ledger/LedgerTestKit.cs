using ActorTrader.Actors;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Orders;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Memory;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Persistence.Snapshots;
using ActorTrader.TestKit;
using ActorTrader.Trading.Ledger;

namespace ActorTrader.Trading.Tests.Ledger;

/// <summary>
/// Ledger actors on virtual time over a journal that records writes and replays. Persistence is installed on the
/// in-memory stores unless a test class installs its own with <see cref="Install"/>.
/// </summary>
public abstract class LedgerTestKit : TestKit.TestKit
{
    protected const string AccountId = "paper";
    private int _incarnation;
    private JournalCounters? _journal;
    private ISnapshotStore? _snapshots;

    protected LedgerTestKit(bool inMemory = true) : base(new TestKitSettings { VirtualTime = true })
    {
        Alerts = CreateTestProbe();
        Sys.EventStream.Subscribe(Alerts.Ref, typeof(PersistenceAlert));
        if (inMemory) Install(PersistenceStores.InMemory(new MemoryStorage()));
    }

    /// <summary>Receives every <see cref="PersistenceAlert"/>.</summary>
    protected TestProbe Alerts { get; }

    private protected JournalCounters Journal => _journal ?? throw new InvalidOperationException("Install persistence first.");

    protected ISnapshotStore Snapshots => _snapshots ?? throw new InvalidOperationException("Install persistence first.");

    protected static LedgerSettings Margin(decimal cash = 10_000m, int snapshotEvery = 1000) =>
        new(cash, AccountKind.Margin, snapshotEvery, 0.01m);

    protected static LedgerSettings Cash(decimal cash = 10_000m, int snapshotEvery = 1000) =>
        new(cash, AccountKind.Cash, snapshotEvery, 0.01m);

    protected static string PersistenceId => LedgerActor.PersistenceIdOf(AccountId);

    protected void Install(PersistenceStores stores)
    {
        _journal = new JournalCounters();
        _snapshots = stores.SnapshotStore;
        var setup = new PersistenceSetup(new RecordingJournal(stores.Journal, _journal), stores.SnapshotStore, stores.Query, LedgerEvents.Register(new EventSerializer()));
        Persistence.Persistence.Install(Sys, setup);
    }

    /// <summary>A new incarnation of the account's ledger (each under a fresh actor name).</summary>
    protected IActorRef StartLedger(LedgerSettings? settings = null) =>
        Sys.ActorOf(LedgerActor.CreateProps(AccountId, settings ?? Margin()), $"ledger-{Interlocked.Increment(ref _incarnation)}");

    /// <summary>Stops <paramref name="ledger"/> and waits until it is gone.</summary>
    protected async Task StopAsync(IActorRef ledger)
    {
        Watch(ledger);
        Sys.Stop(ledger);
        await ExpectTerminatedAsync(ledger);
        Unwatch(ledger);
    }

    /// <summary>Stops <paramref name="ledger"/> and starts the next incarnation from the journal.</summary>
    protected async Task<IActorRef> RestartAsync(IActorRef ledger, LedgerSettings? settings = null)
    {
        await StopAsync(ledger);
        return StartLedger(settings);
    }

    protected async Task<LedgerView> ViewOf(IActorRef ledger) => await ledger.Ask<LedgerView>(GetLedger.Instance, DefaultTimeout);

    protected async Task<FillBooked> Book(IActorRef ledger, Fill fill, string executionId, long deliveryId = 1) =>
        await ledger.Ask<FillBooked>(new BookFill(fill, executionId, deliveryId), DefaultTimeout);

    /// <summary>Waits until the snapshot store holds a ledger snapshot at <paramref name="sequenceNr"/> or later.</summary>
    protected Task AwaitSnapshotAsync(long sequenceNr) =>
        AwaitConditionAsync(() => NewestSnapshot() >= sequenceNr, message: $"no snapshot of {PersistenceId} at sequence nr {sequenceNr}");

    protected long NewestSnapshot() => NewestSnapshotUpTo(long.MaxValue);

    /// <summary>The sequence number of the newest stored snapshot at or below <paramref name="sequenceNr"/>, 0 when none.</summary>
    protected long NewestSnapshotUpTo(long sequenceNr) =>
        Snapshots.LoadAsync(PersistenceId, new SnapshotSelectionCriteria(sequenceNr, DateTimeOffset.MaxValue)).GetAwaiter().GetResult()?.Metadata.SequenceNr ?? 0;
}
