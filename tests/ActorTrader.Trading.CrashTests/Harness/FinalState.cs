using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Paper;
using ActorTrader.Domain.Orders;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Trading.Host;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.CrashTests.Harness;

/// <summary>
/// What the replay left behind once the node is gone: the paper account as its state file holds it (every submit attempt,
/// every fill, the positions and cash) and the journal's order manager and ledger events, in sequence order. The cluster's
/// node tests read the same from the PostgreSQL journal (this file is linked into them).
/// </summary>
internal sealed partial record FinalState(
    IReadOnlyList<SubmissionRecord> Submissions,
    IReadOnlyList<PaperExecution> Executions,
    IReadOnlyList<BrokerPosition> BrokerPositions,
    decimal BrokerCash,
    IReadOnlyList<object> OrderEvents,
    IReadOnlyList<object> LedgerEvents)
{
    /// <summary>The paper account in <paramref name="paperStateFile"/> and account <paramref name="accountId"/>'s order and ledger events in <paramref name="journal"/> (started).</summary>
    public static async Task<FinalState> ReadAsync(string paperStateFile, IJournal journal, string accountId)
    {
        IReadOnlyList<SubmissionRecord> submissions;
        IReadOnlyList<PaperExecution> executions;
        IReadOnlyList<BrokerPosition> positions;
        decimal cash;
        await using (var broker = new PaperBroker(PaperBrokerSettings.Default(paperStateFile), TimeProvider.System))
        {
            submissions = broker.SubmissionLog();
            executions = broker.Executions();
            positions = await broker.GetPositionsAsync();
            cash = (await broker.GetAccountAsync()).Cash;
        }
        var serializer = TradingJournal.Register(new EventSerializer());
        return new FinalState(submissions, executions, positions, cash,
            await ReadEventsAsync(journal, serializer, OrderManagerActor.PersistenceIdPrefix + accountId),
            await ReadEventsAsync(journal, serializer, LedgerActor.PersistenceIdOf(accountId)));
    }

    public IEnumerable<OrderSubmitted> OrdersSubmitted => OrderEvents.OfType<OrderSubmitted>();

    public IEnumerable<LedgerFillBooked> Bookings => LedgerEvents.OfType<LedgerFillBooked>();

    /// <summary>The ledger's positions as its journal builds them: every booked fill, then every position reconciliation adopted.</summary>
    public IReadOnlyDictionary<string, decimal> LedgerPositions()
    {
        var positions = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var @event in LedgerEvents)
        {
            switch (@event)
            {
                case LedgerFillBooked fill:
                    positions[fill.Symbol] = positions.GetValueOrDefault(fill.Symbol) + (fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity);
                    break;
                case PositionAdopted adopted:
                    positions[adopted.Symbol] = adopted.BrokerQuantity;
                    break;
            }
        }
        return positions.Where(p => p.Value != 0m).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, decimal> BrokerPositionsBySymbol() =>
        BrokerPositions.Where(p => p.Quantity != 0m).ToDictionary(p => p.Symbol.ToString(), p => p.Quantity, StringComparer.Ordinal);

    private static async Task<IReadOnlyList<object>> ReadEventsAsync(IJournal journal, EventSerializer serializer, string persistenceId)
    {
        var events = new List<object>();
        await foreach (var row in journal.ReplayAsync(persistenceId, 1, long.MaxValue, long.MaxValue))
            events.Add(serializer.Deserialize(row.Manifest, row.Payload, row.PersistenceId, row.SequenceNr));
        return events;
    }
}
