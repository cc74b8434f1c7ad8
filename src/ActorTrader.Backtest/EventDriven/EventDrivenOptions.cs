using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Backtest.EventDriven;

/// <summary>
/// Settings of the event-driven simulator. Defaults: 100,000 cash account, slippage 5 bps against the trader,
/// commission 1 bp of notional, whole-share lots, no partial fills, daily rebalancing, <c>day</c> orders.
/// </summary>
public sealed record EventDrivenOptions
{
    public decimal InitialCash { get; init; } = 100_000m;

    /// <summary>Price moved against the order, in basis points of the open (buys pay more, sells get less).</summary>
    public double SlippageBps { get; init; } = 5;

    /// <summary>Commission in basis points of the fill's notional.</summary>
    public double CommissionBps { get; init; } = 1;

    /// <summary>Quantities are whole multiples of this (1 = whole shares; 0.0001 for fractional crypto).</summary>
    public decimal LotSize { get; init; } = 1m;

    /// <summary>Cash: no shorts, no borrowing (orders scaled down or rejected with a reason). Margin: both allowed.</summary>
    public AccountKind Account { get; init; } = AccountKind.Cash;

    /// <summary>When on, an order fills at most <see cref="Participation"/> × the fill bar's volume.</summary>
    public bool PartialFills { get; init; }

    /// <summary>Largest fraction of a bar's volume one order may take (0 &lt; p ≤ 1), when partial fills are on.</summary>
    public double Participation { get; init; } = 0.1;

    /// <summary>
    /// Time in force of the simulated market orders: <c>gtc</c> carries an unfilled remainder to the next bar's open
    /// (until the next rebalance replaces it); <c>day</c>, <c>ioc</c> and <c>opg</c> cancel it; <c>fok</c> fills all or nothing.
    /// </summary>
    public TimeInForce TimeInForce { get; init; } = TimeInForce.Day;

    public RebalanceSchedule Rebalance { get; init; } = RebalanceSchedule.Daily;

    public double PeriodsPerYear { get; init; } = Quant.Returns.PeriodsPerYear.TradingDays;

    /// <summary>Start of every client order id (<c>{prefix}-{bar}-{ticker}</c>), so ids are deterministic.</summary>
    public string OrderIdPrefix { get; init; } = "bt";

    internal void Validate()
    {
        if (InitialCash <= 0) throw new ArgumentOutOfRangeException(nameof(InitialCash), InitialCash, "Initial cash must be positive.");
        if (!(SlippageBps >= 0) || !double.IsFinite(SlippageBps) || SlippageBps >= 10_000)
            throw new ArgumentOutOfRangeException(nameof(SlippageBps), SlippageBps, "Slippage must be 0 or more basis points and below 10000.");
        if (!(CommissionBps >= 0) || !double.IsFinite(CommissionBps) || CommissionBps >= 10_000)
            throw new ArgumentOutOfRangeException(nameof(CommissionBps), CommissionBps, "Commission must be 0 or more basis points and below 10000.");
        if (LotSize <= 0) throw new ArgumentOutOfRangeException(nameof(LotSize), LotSize, "Lot size must be positive (1 = whole shares).");
        if (!Enum.IsDefined(Account)) throw new ArgumentOutOfRangeException(nameof(Account), Account, "Unknown account kind.");
        if (!(Participation > 0 && Participation <= 1)) throw new ArgumentOutOfRangeException(nameof(Participation), Participation, "Participation must be in (0, 1].");
        if (TimeInForce == TimeInForce.Cls)
            throw new ArgumentOutOfRangeException(nameof(TimeInForce), TimeInForce, "Simulated orders fill at the next open; cls (closing auction) cannot. Use day, gtc, ioc, opg or fok.");
        ArgumentNullException.ThrowIfNull(Rebalance);
        ArgumentException.ThrowIfNullOrWhiteSpace(OrderIdPrefix);
        if (!(PeriodsPerYear > 0) || !double.IsFinite(PeriodsPerYear))
            throw new ArgumentOutOfRangeException(nameof(PeriodsPerYear), PeriodsPerYear, "Periods per year must be positive, e.g. 252 for daily bars.");
    }
}
