using System.Globalization;
using System.Runtime.InteropServices;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Domain.Accounting;

/// <summary>
/// Cash, positions and P&amp;L of one account, booked fill by fill; pure bookkeeping (no clock, no I/O), decimal
/// throughout. The live ledger actor and the event-driven simulator both book through it, so a backtest and the
/// account agree on every cent.
/// <para>
/// Realised P&amp;L uses the AVERAGE-COST method (not FIFO): adding to a position re-averages its cost; reducing it
/// realises (price − average cost) × closed quantity (sign-adjusted for shorts) and leaves the average unchanged; a
/// fill that crosses zero closes the old position completely and opens the remainder at the fill price. Average cost
/// is what brokers such as Alpaca report per position, and it needs no lot bookkeeping. Commissions are booked as
/// fees (cash falls by them) and never enter the average cost, so realised P&amp;L is before fees.
/// </para>
/// <para>
/// A <see cref="AccountKind.Cash"/> account refuses a fill that would open or grow a short or take cash below zero; a
/// refused fill changes nothing and throws <see cref="LedgerException"/>. A fill a broker has already executed is a fact,
/// though: <see cref="ApplyBrokerFill"/> books it whatever the account's rules say and returns the rule it breaks.
/// </para>
/// </summary>
public sealed class Ledger
{
    private readonly Dictionary<Symbol, Holding> _holdings = [];

    /// <param name="initialCash">Starting cash, zero or more.</param>
    /// <param name="account">Cash (no shorts, no borrowing) or margin.</param>
    public Ledger(decimal initialCash, AccountKind account = AccountKind.Cash)
    {
        if (initialCash < 0)
            throw new ArgumentOutOfRangeException(nameof(initialCash), initialCash, "Initial cash must be zero or more.");
        if (!Enum.IsDefined(account)) throw new ArgumentOutOfRangeException(nameof(account), account, "Unknown account kind.");
        Cash = initialCash;
        Account = account;
    }

    public AccountKind Account { get; }

    /// <summary>Cash after every fill and fee; negative only on a margin account (borrowed).</summary>
    public decimal Cash { get; private set; }

    /// <summary>Realised P&amp;L since inception, before fees.</summary>
    public decimal RealisedPnl { get; private set; }

    /// <summary>Commissions paid since inception.</summary>
    public decimal Fees { get; private set; }

    /// <summary>Fills booked since inception.</summary>
    public int FillCount { get; private set; }

    /// <summary>Open positions sorted by symbol.</summary>
    public IReadOnlyList<Position> Positions =>
        [.. _holdings.OrderBy(h => h.Key).Select(h => new Position(h.Key, h.Value.Quantity, h.Value.AverageCost))];

    /// <summary>Signed quantity held in <paramref name="symbol"/> (0 when flat).</summary>
    public decimal QuantityOf(Symbol symbol) => _holdings.TryGetValue(symbol, out var h) ? h.Quantity : 0m;

    /// <summary>The open position in <paramref name="symbol"/>, or a flat one (quantity and cost 0).</summary>
    public Position PositionOf(Symbol symbol) =>
        _holdings.TryGetValue(symbol, out var h) ? new Position(symbol, h.Quantity, h.AverageCost) : new Position(symbol, 0m, 0m);

    /// <summary>Books <paramref name="fill"/>: cash, position, realised P&amp;L and fees. Throws <see cref="LedgerException"/> (changing nothing) when a cash account cannot take it.</summary>
    public void Apply(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (RuleBrokenBy(fill) is { } rule) throw new LedgerException(rule);
        Book(fill);
    }

    /// <summary>
    /// Books <paramref name="fill"/>, which the broker has already executed, exactly as <see cref="Apply"/> would (same
    /// average cost, realised P&amp;L, cash and fees) but even when it breaks this account's rules: the books must follow
    /// the broker. Returns the rule it broke (the message <see cref="Apply"/> would throw), or null.
    /// </summary>
    public string? ApplyBrokerFill(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var rule = RuleBrokenBy(fill);
        Book(fill);
        return rule;
    }

    /// <summary>
    /// Why this account may not take <paramref name="fill"/> (naming the order and the fix), or null when it may. A cash
    /// account may not open or grow a short, nor take cash below zero; once it is short or below zero anyway (a broker
    /// fill, an adopted position), a fill that shrinks the short or brings cash in is fine.
    /// </summary>
    public string? RuleBrokenBy(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (Account != AccountKind.Cash) return null;
        var quantity = QuantityOf(fill.Symbol);
        var newQuantity = quantity + fill.SignedQuantity;
        var newCash = Cash - fill.SignedQuantity * fill.Price - fill.Commission;
        if (newQuantity < 0 && newQuantity < Math.Min(quantity, 0))
        {
            return $"Fill of order {fill.ClientOrderId} sells {Text(fill.Quantity)} {fill.Symbol} but the cash account holds {Text(quantity)}: " +
                   "a cash account cannot go short. Fix: sell at most the quantity held, or use a margin account.";
        }
        if (newCash < 0 && newCash < Cash)
        {
            return $"Fill of order {fill.ClientOrderId} ({fill.Side.ToWire()} {Text(fill.Quantity)} {fill.Symbol} at {Text(fill.Price)} + {Text(fill.Commission)} commission) " +
                   $"needs {Text(Cash - newCash)} but the cash account has {Text(Cash)}. Fix: size the order to the cash available, or use a margin account.";
        }
        return null;
    }

    private void Book(Fill fill)
    {
        var signed = fill.SignedQuantity;
        var newCash = Cash - signed * fill.Price - fill.Commission;
        ref var holding = ref CollectionsMarshal.GetValueRefOrAddDefault(_holdings, fill.Symbol, out var existed);
        var quantity = existed ? holding.Quantity : 0m;
        var average = existed ? holding.AverageCost : 0m;
        var newQuantity = quantity + signed;

        decimal realised = 0;
        if (quantity == 0 || Math.Sign(quantity) == Math.Sign(signed))
        {
            // Opening or adding: re-average over the whole open quantity.
            average = (Math.Abs(quantity) * average + fill.Quantity * fill.Price) / Math.Abs(newQuantity);
        }
        else
        {
            var closed = Math.Min(fill.Quantity, Math.Abs(quantity));
            realised = closed * (fill.Price - average) * Math.Sign(quantity);
            if (newQuantity == 0) average = 0;
            else if (Math.Sign(newQuantity) != Math.Sign(quantity)) average = fill.Price; // flipped: the rest opens here
        }

        Cash = newCash;
        RealisedPnl += realised;
        Fees += fill.Commission;
        FillCount++;
        if (newQuantity == 0) _holdings.Remove(fill.Symbol);
        else holding = new Holding(newQuantity, average);
    }

    /// <summary>
    /// Values the ledger at <paramref name="prices"/> (one per open position; extra prices are ignored). A missing or
    /// non-positive price for an open position throws <see cref="LedgerException"/> naming the symbol.
    /// </summary>
    public LedgerValuation MarkToMarket(IReadOnlyDictionary<Symbol, decimal> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        decimal longValue = 0, shortValue = 0, unrealised = 0;
        foreach (var (symbol, holding) in _holdings.OrderBy(h => h.Key))
        {
            if (!prices.TryGetValue(symbol, out var price))
                throw new LedgerException($"No price for {symbol}, which the ledger holds ({Text(holding.Quantity)}). Fix: pass a price for every open position.");
            if (price <= 0)
                throw new LedgerException($"Price of {symbol} is {Text(price)}; marking to market needs a positive price.");
            var value = holding.Quantity * price;
            if (value >= 0) longValue += value;
            else shortValue += value;
            unrealised += holding.Quantity * (price - holding.AverageCost);
        }
        var net = longValue + shortValue;
        return new LedgerValuation(Cash, longValue, shortValue, longValue - shortValue, net, Cash + net, unrealised, RealisedPnl, Fees);
    }

    /// <summary>The ledger's state as an immutable value.</summary>
    public LedgerSnapshot Snapshot() => new(Account, Cash, RealisedPnl, Fees, FillCount, Positions);

    /// <summary>A ledger holding exactly what <paramref name="snapshot"/> holds.</summary>
    public static Ledger FromSnapshot(LedgerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var ledger = new Ledger(0m, snapshot.Account)
        {
            Cash = snapshot.Cash,
            RealisedPnl = snapshot.RealisedPnl,
            Fees = snapshot.Fees,
            FillCount = snapshot.FillCount,
        };
        foreach (var p in snapshot.Positions)
        {
            if (p.Quantity == 0) continue;
            if (p.AverageCost < 0) throw new ArgumentException($"Snapshot position {p.Symbol} has a negative average cost {Text(p.AverageCost)}.", nameof(snapshot));
            if (!ledger._holdings.TryAdd(p.Symbol, new Holding(p.Quantity, p.AverageCost)))
                throw new ArgumentException($"Snapshot lists {p.Symbol} twice.", nameof(snapshot));
        }
        return ledger;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Holding(decimal Quantity, decimal AverageCost);
}
