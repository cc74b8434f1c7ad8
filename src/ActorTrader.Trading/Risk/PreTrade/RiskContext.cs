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
public sealed record RiskContext(
    LedgerView Ledger,
    IReadOnlyDictionary<Symbol, BrokerAsset> Assets,
    AccountKind AccountKind,
    bool MarketOpen,
    int TradesToday,
    TradingStatus Status,
    decimal? BuyingPower = null)
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

    public decimal Nav => Ledger.NetAssetValue;

    public decimal Cash => Ledger.Cash + CashChange;

    public decimal GrossExposure => Ledger.GrossExposure + GrossChange;

    public decimal NetExposure => Ledger.NetExposure + NetChange;

    /// <summary>Orders approved today, those of this batch included.</summary>
    public int TradesSoFar => TradesToday + ApprovedInBatch;

    public BrokerAsset? AssetOf(Symbol symbol) => Assets.TryGetValue(symbol, out var asset) ? asset : null;

    /// <summary>The signed quantity held (negative = short), with this batch's approved intents.</summary>
    public decimal QuantityOf(Symbol symbol) =>
        (_held.TryGetValue(symbol, out var held) ? held : 0m) + QuantityChanges.GetValueOrDefault(symbol);

    public decimal QuantityAfter(OrderIntent intent) => QuantityOf(intent.Symbol) + intent.SignedQuantity;

    /// <summary>True when the intent only shrinks a position: opposite side, at most the quantity held, no flip.</summary>
    public bool IsReduction(OrderIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var held = QuantityOf(intent.Symbol);
        return held != 0m && intent.Quantity > 0m && Math.Sign(intent.SignedQuantity) == -Math.Sign(held) && intent.Quantity <= Math.Abs(held);
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
        };
    }
}
