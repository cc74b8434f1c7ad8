using System.Collections.Immutable;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade;

/// <summary>
/// What the pre-trade rules judge an intent against: the ledger (NAV, cash, positions, exposures), the broker's assets,
/// the account kind, whether the market is open, the orders approved today and the trading state. Within a batch,
/// <see cref="After"/> adds each approved intent (valued at its reference price), so later intents see the room the
/// earlier ones took or freed. Immutable.
/// </summary>
/// <param name="BuyingPower">The broker's buying power when known; otherwise a margin account's is NAV × margin multiplier − gross exposure.</param>
/// <param name="ApprovedToday">Client order ids approved earlier today (counted in <paramref name="TradesToday"/>): checked again, they are no new trade.</param>
public sealed record RiskContext(
    LedgerView Ledger,
    IReadOnlyDictionary<Symbol, BrokerAsset> Assets,
    AccountKind AccountKind,
    bool MarketOpen,
    int TradesToday,
    TradingStatus Status,
    decimal? BuyingPower = null,
    IReadOnlySet<string>? ApprovedToday = null)
{
    private readonly Dictionary<Symbol, decimal> _held = (Ledger ?? throw new ArgumentNullException(nameof(Ledger))).Positions
        .GroupBy(p => p.Symbol)
        .ToDictionary(g => g.Key, g => g.Sum(p => p.Quantity));

    private ImmutableDictionary<Symbol, decimal> QuantityChanges { get; init; } = ImmutableDictionary<Symbol, decimal>.Empty;

    private decimal CashChange { get; init; }

    private decimal GrossChange { get; init; }

    private decimal NetChange { get; init; }

    private decimal BuyingPowerUsed { get; init; }

    /// <summary>Intents approved earlier in this batch.</summary>
    public int ApprovedInBatch { get; private init; }

    /// <summary>Intents approved earlier in this batch that were not approved before today.</summary>
    private int NewTradesInBatch { get; init; }

    public decimal Nav => Ledger.NetAssetValue;

    public decimal Cash => Ledger.Cash + CashChange;

    public decimal GrossExposure => Ledger.GrossExposure + GrossChange;

    public decimal NetExposure => Ledger.NetExposure + NetChange;

    /// <summary>Orders approved today, those of this batch included.</summary>
    public int TradesSoFar => TradesToday + NewTradesInBatch;

    /// <summary>True when the intent was approved earlier today, so approving it again adds no trade.</summary>
    public bool IsCountedToday(OrderIntent intent) => ApprovedToday?.Contains(intent.ClientOrderId) == true;

    public BrokerAsset? AssetOf(Symbol symbol) => Assets.TryGetValue(symbol, out var asset) ? asset : null;

    /// <summary>The signed quantity held (negative = short), with this batch's approved intents.</summary>
    public decimal QuantityOf(Symbol symbol) =>
        (_held.TryGetValue(symbol, out var held) ? held : 0m) + QuantityChanges.GetValueOrDefault(symbol);

    public decimal QuantityAfter(OrderIntent intent) => QuantityOf(intent.Symbol) + intent.SignedQuantity;

    /// <summary>True when the intent only shrinks a position: opposite side, at most the quantity it may reduce, no flip.</summary>
    public bool IsReduction(OrderIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return intent.Quantity > 0m && intent.Quantity <= ReducibleQuantity(intent);
    }

    /// <summary>
    /// How much of its position an intent on the opposite side may reduce: what is held both in the ledger and after this
    /// batch's approved intents. An approved order is not filled yet, so a buy earlier in the batch cannot make a larger
    /// sell a reduction (should the buy not fill, the sell would flip the position), while approved reductions use it up.
    /// </summary>
    public decimal ReducibleQuantity(OrderIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var held = QuantityOf(intent.Symbol);
        var inLedger = _held.GetValueOrDefault(intent.Symbol);
        if (held == 0m || Math.Sign(held) != Math.Sign(inLedger) || Math.Sign(intent.SignedQuantity) != -Math.Sign(held)) return 0m;
        return Math.Min(Math.Abs(held), Math.Abs(inLedger));
    }

    /// <summary>How much the intent grows the position's absolute value, valued at the reference price (0 when it shrinks it).</summary>
    public decimal ExposureIncrease(OrderIntent intent) =>
        Math.Max(0m, Math.Abs(QuantityAfter(intent)) - Math.Abs(QuantityOf(intent.Symbol))) * intent.ReferencePrice;

    public decimal GrossExposureAfter(OrderIntent intent) =>
        GrossExposure + (Math.Abs(QuantityAfter(intent)) - Math.Abs(QuantityOf(intent.Symbol))) * intent.ReferencePrice;

    public decimal NetExposureAfter(OrderIntent intent) => NetExposure + intent.SignedQuantity * intent.ReferencePrice;

    /// <summary>The buying power not yet used by this batch; with <paramref name="marginMultiplier"/> when the broker's is unknown.</summary>
    public decimal BuyingPowerLeft(decimal marginMultiplier) =>
        (BuyingPower ?? Math.Max(0m, Nav * marginMultiplier - Ledger.GrossExposure)) - BuyingPowerUsed;

    /// <summary>This context with <paramref name="intent"/> approved: position, cash, exposures, buying power and count move.</summary>
    public RiskContext After(OrderIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var value = intent.SignedQuantity * intent.ReferencePrice;
        return this with
        {
            QuantityChanges = QuantityChanges.SetItem(intent.Symbol, QuantityChanges.GetValueOrDefault(intent.Symbol) + intent.SignedQuantity),
            CashChange = CashChange - value,
            GrossChange = GrossChange + (Math.Abs(QuantityAfter(intent)) - Math.Abs(QuantityOf(intent.Symbol))) * intent.ReferencePrice,
            NetChange = NetChange + value,
            BuyingPowerUsed = BuyingPowerUsed + ExposureIncrease(intent),
            ApprovedInBatch = ApprovedInBatch + 1,
            NewTradesInBatch = NewTradesInBatch + (IsCountedToday(intent) ? 0 : 1),
        };
    }
}
