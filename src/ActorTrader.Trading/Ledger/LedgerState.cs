using System.Globalization;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using DomainLedger = ActorTrader.Domain.Accounting.Ledger;

namespace ActorTrader.Trading.Ledger;

/// <summary>
/// What the ledger actor's journal holds, rebuilt by applying its events in order: the domain <see cref="DomainLedger"/>
/// (all accounting), the execution ids already booked and the daily rows. Applying an event that does not fit (a fill
/// before the ledger opened, an execution booked twice) throws, so a journal that cannot be replayed fails recovery
/// instead of yielding a different ledger. A journaled fill was executed by the broker and is replayed as such, even
/// one the account's rules forbid.
/// </summary>
internal sealed class LedgerState
{
    private readonly HashSet<string> _executionIds = new(StringComparer.Ordinal);
    private readonly List<PortfolioDailyRecorded> _daily = [];
    private DomainLedger? _ledger;

    public bool IsOpen => _ledger is not null;

    public string AccountId { get; private set; } = "";

    public AccountKind Kind { get; private set; }

    public decimal InitialCash { get; private set; }

    public DomainLedger Ledger => _ledger ?? throw new InvalidOperationException("The ledger has not been opened yet (no LedgerOpened event).");

    public IReadOnlyList<PortfolioDailyRecorded> Daily => _daily;

    public bool IsBooked(string executionId) => _executionIds.Contains(executionId);

    public PortfolioDailyRecorded? DailyOf(DateOnly date) => _daily.Find(r => r.Date == date);

    public PortfolioDailyRecorded? LastDaily => _daily.Count == 0 ? null : _daily[^1];

    public void Apply(object @event)
    {
        switch (@event)
        {
            case LedgerOpened opened:
                Apply(opened);
                break;
            case LedgerFillBooked fill:
                Apply(fill);
                break;
            case PortfolioDailyRecorded daily:
                Apply(daily);
                break;
            case PositionAdopted adopted:
                Apply(adopted);
                break;
            case CashAdopted cash:
                Apply(cash);
                break;
            case AccountKindAdopted kind:
                Apply(kind);
                break;
            default:
                throw new InvalidOperationException($"The ledger has no rule for event {@event.GetType().Name}.");
        }
    }

    private void Apply(LedgerOpened opened)
    {
        if (IsOpen) throw new InvalidOperationException($"Ledger {AccountId} was opened twice in its journal; a journal holds one LedgerOpened. Fix: restore the journal from a backup.");
        _ledger = new DomainLedger(opened.InitialCash, opened.Kind);
        AccountId = opened.AccountId;
        Kind = opened.Kind;
        InitialCash = opened.InitialCash;
    }

    private void Apply(LedgerFillBooked booked)
    {
        if (!_executionIds.Add(booked.ExecutionId))
            throw new InvalidOperationException($"Execution {booked.ExecutionId} is booked twice in the journal of ledger {AccountId}. Fix: restore the journal from a backup.");
        Ledger.ApplyBrokerFill(ToFill(booked));
    }

    private void Apply(PortfolioDailyRecorded daily)
    {
        if (LastDaily is { } last && daily.Date <= last.Date)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The daily row of {daily.Date:yyyy-MM-dd} follows the row of {last.Date:yyyy-MM-dd} in the journal of ledger {AccountId}; rows are journaled in date order. Fix: restore the journal from a backup."));
        if (!IsOpen) throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"A daily row of {daily.Date:yyyy-MM-dd} comes before the ledger was opened in its journal. Fix: restore the journal from a backup."));
        _daily.Add(daily);
    }

    private void Apply(PositionAdopted adopted)
    {
        var symbol = Symbol.Parse(adopted.Symbol);
        var snapshot = Ledger.Snapshot();
        var positions = snapshot.Positions.Where(p => p.Symbol != symbol).ToList();
        if (adopted.BrokerQuantity != 0) positions.Add(new Position(symbol, adopted.BrokerQuantity, adopted.BrokerAverageCost));
        positions.Sort((a, b) => a.Symbol.CompareTo(b.Symbol));
        _ledger = DomainLedger.FromSnapshot(snapshot with { Positions = positions });
    }

    private void Apply(CashAdopted cash) => _ledger = DomainLedger.FromSnapshot(Ledger.Snapshot() with { Cash = cash.BrokerCash });

    private void Apply(AccountKindAdopted adopted)
    {
        _ledger = DomainLedger.FromSnapshot(Ledger.Snapshot() with { Account = adopted.BrokerKind });
        Kind = adopted.BrokerKind;
    }

    /// <summary>
    /// The ledger valued at <paramref name="marks"/>; a position without a mark is valued at its average cost (no
    /// unrealised P&amp;L) and listed as unmarked.
    /// </summary>
    public LedgerView View(IReadOnlyDictionary<Symbol, decimal> marks, DateTimeOffset asOf)
    {
        var positions = Ledger.Positions;
        var prices = new Dictionary<Symbol, decimal>(positions.Count);
        var used = new SortedDictionary<Symbol, decimal>();
        var unmarked = new List<Symbol>();
        foreach (var position in positions)
        {
            if (marks.TryGetValue(position.Symbol, out var mark))
            {
                prices[position.Symbol] = mark;
                used[position.Symbol] = mark;
            }
            else
            {
                prices[position.Symbol] = position.AverageCost;
                unmarked.Add(position.Symbol);
            }
        }
        var valuation = Ledger.MarkToMarket(prices);
        return new LedgerView(AccountId, Kind, valuation.Cash, positions, used, valuation.RealisedPnl, valuation.UnrealisedPnl, valuation.Fees,
            valuation.Nav, valuation.GrossExposure, valuation.NetExposure, Ledger.FillCount, unmarked, asOf);
    }

    public static Fill ToFill(LedgerFillBooked booked) =>
        new(booked.ClientOrderId, Symbol.Parse(booked.Symbol), booked.Side, booked.Quantity, booked.Price, booked.Commission, booked.FilledAt);

    public LedgerActorSnapshot ToSnapshot()
    {
        var ledger = Ledger.Snapshot();
        return new LedgerActorSnapshot(
            AccountId, Kind, InitialCash, ledger.Cash, ledger.RealisedPnl, ledger.Fees, ledger.FillCount,
            [.. ledger.Positions.Select(p => new LedgerSnapshotPosition(p.Symbol.ToString(), p.Quantity, p.AverageCost))],
            [.. _executionIds.Order(StringComparer.Ordinal)],
            [.. _daily]);
    }

    public static LedgerState FromSnapshot(LedgerActorSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var state = new LedgerState
        {
            AccountId = snapshot.AccountId,
            Kind = snapshot.Kind,
            InitialCash = snapshot.InitialCash,
        };
        var positions = snapshot.Positions.Select(p => new Position(Symbol.Parse(p.Symbol), p.Quantity, p.AverageCost)).OrderBy(p => p.Symbol).ToList();
        state._ledger = DomainLedger.FromSnapshot(new LedgerSnapshot(snapshot.Kind, snapshot.Cash, snapshot.RealisedPnl, snapshot.Fees, snapshot.FillCount, positions));
        foreach (var id in snapshot.ExecutionIds)
        {
            if (!state._executionIds.Add(id))
                throw new InvalidOperationException($"The snapshot of ledger {snapshot.AccountId} lists execution {id} twice. Fix: delete the snapshot so the ledger recovers from its events.");
        }
        foreach (var row in snapshot.Daily) state.Apply(row);
        return state;
    }

    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
