using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Brokers.Paper;

/// <summary>
/// Everything the paper account holds, in memory: the ledger (cash, positions at average cost, fees), the orders, the
/// fills, the submission log, the last quote per symbol and the id counters. <see cref="PaperStateStore"/> persists it
/// and loads it back identically; the broker mutates it only inside its lock.
/// </summary>
internal sealed class PaperAccountState
{
    private readonly List<PaperOrder> _orders = [];
    private readonly Dictionary<string, PaperOrder> _byBrokerId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PaperOrder> _byClientId = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, PaperOrder> _open = [];

    public PaperAccountState(AccountKind kind, Ledger ledger, decimal lastEquity)
    {
        Kind = kind;
        Ledger = ledger;
        LastEquity = lastEquity;
    }

    public AccountKind Kind { get; }

    public Ledger Ledger { get; }

    /// <summary>Equity at the end of the previous session (Alpaca's last_equity).</summary>
    public decimal LastEquity { get; set; }

    /// <summary>The exchange-local session date <see cref="LastEquity"/> was taken for; null before the first quote.</summary>
    public DateOnly? LastEquityDate { get; set; }

    public long OrderSequence { get; set; }

    public long ExecutionSequence { get; set; }

    public long SubmissionSequence { get; set; }

    public long QuoteSequence { get; set; }

    public long CloseSequence { get; set; }

    /// <summary>The latest quote per symbol: what positions are marked to and market orders are estimated at.</summary>
    public SortedDictionary<Symbol, MarketQuote> Marks { get; } = [];

    public List<PaperExecution> Executions { get; } = [];

    public List<SubmissionRecord> Submissions { get; } = [];

    /// <summary>Every order, oldest first.</summary>
    public IReadOnlyList<PaperOrder> Orders => _orders;

    /// <summary>The orders that may still fill, oldest first.</summary>
    public IEnumerable<PaperOrder> OpenOrders => _open.Values;

    public void Add(PaperOrder order)
    {
        _orders.Add(order);
        _byBrokerId.Add(order.BrokerOrderId, order);
        _byClientId.Add(order.ClientOrderId, order);
        if (order.IsOpen) _open.Add(order.Sequence, order);
    }

    /// <summary>Drops an ended order from the open set (call after its status changed).</summary>
    public void Refresh(PaperOrder order)
    {
        if (!order.IsOpen) _open.Remove(order.Sequence);
    }

    public PaperOrder? ByBrokerId(string brokerOrderId) => _byBrokerId.GetValueOrDefault(brokerOrderId);

    public PaperOrder? ByClientId(string clientOrderId) => _byClientId.GetValueOrDefault(clientOrderId);

    /// <summary>The mark of a symbol, or null before its first quote.</summary>
    public decimal? MarkOf(Symbol symbol) => Marks.TryGetValue(symbol, out var quote) ? quote.Price : null;

    /// <summary>The price a position is valued at: its last quote, else its average cost.</summary>
    public decimal ValuationPrice(Position position) => MarkOf(position.Symbol) ?? position.AverageCost;

    /// <summary>Cash + Σ positions at their valuation prices.</summary>
    public decimal Equity() => Ledger.Cash + Ledger.Positions.Sum(p => p.Quantity * ValuationPrice(p));

    /// <summary>Σ |position value|.</summary>
    public decimal GrossExposure() => Ledger.Positions.Sum(p => Math.Abs(p.Quantity * ValuationPrice(p)));
}
