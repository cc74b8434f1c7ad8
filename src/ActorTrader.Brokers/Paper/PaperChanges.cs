using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Brokers.Paper;

/// <summary>
/// What one broker call changed: written to the state file in one transaction, and only then are its trade updates
/// published and its refusal (if any) thrown — so a refusal that must be logged (a duplicate submit) is durable first.
/// </summary>
internal sealed class PaperChanges
{
    private readonly SortedDictionary<long, PaperOrder> _orders = [];
    private readonly SortedSet<Symbol> _marks = [];

    public IEnumerable<PaperOrder> Orders => _orders.Values;

    public IReadOnlyCollection<Symbol> Marks => _marks;

    public List<PaperExecution> Executions { get; } = [];

    public List<SubmissionRecord> Submissions { get; } = [];

    public List<TradeUpdate> Updates { get; } = [];

    /// <summary>Cash, positions, counters or last equity changed.</summary>
    public bool Account { get; private set; }

    /// <summary>Thrown to the caller after the changes are committed.</summary>
    public BrokerException? Refusal { get; set; }

    public bool IsEmpty => !Account && _orders.Count == 0 && _marks.Count == 0 && Executions.Count == 0 && Submissions.Count == 0;

    public void Order(PaperOrder order)
    {
        _orders[order.Sequence] = order;
        Account = true;
    }

    public void Mark(Symbol symbol) => _marks.Add(symbol);

    public void AccountChanged() => Account = true;
}
