using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Results;
using ActorTrader.Backtest.Weights;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Backtest.EventDriven;

/// <summary>
/// The realistic simulator: a weights schedule becomes market orders and fills booked in a Domain
/// <see cref="Domain.Accounting.Ledger"/>, bar by bar. At the close of a rebalance bar t the target weights are turned
/// into whole-lot quantities at that close (target = w × NAV ÷ close, rounded toward zero to the lot) and the
/// differences become orders; they fill at bar t+1's OPEN — never at the bar that decided them — moved by slippage,
/// paying commission. Sells fill before buys so their cash can pay for them. A cash account never shorts (the short
/// part is rejected with a reason) and never spends cash it lacks (buys are scaled down to what the cash pays for, or
/// rejected). With partial fills on, an order takes at most participation × the bar's volume; the remainder is carried
/// to the next open (<c>gtc</c>) or cancelled (other times in force). Equity is marked at every close with the last
/// known close of each holding.
/// </summary>
public static class EventDrivenSimulator
{
    /// <summary>Name in results and reports.</summary>
    public const string Name = "event-driven";

    public static BacktestResult Run(BarPanel panel, WeightsSchedule weights, EventDrivenOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (panel.TimeCount == 0) throw new ArgumentException("The panel has no bars.", nameof(panel));
        Check.SameAxis(panel.Symbols, panel.Times, weights.Symbols, weights.Times, "weights schedule");
        return new EventDrivenRun(panel, weights, options).Execute(cancellationToken);
    }
}
