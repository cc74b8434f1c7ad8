using ActorTrader.Backtest.EventDriven;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Backtest.Results;

/// <summary>
/// One simulated run, whichever simulator produced it: per bar the net return, the equity at the close, the two-sided
/// turnover (traded notional ÷ NAV) and the number of trades, plus the holdings' weights at each close (row-major),
/// and for the event-driven simulator every order and fill. Return t is equity[t] ÷ equity[t−1] − 1 with
/// equity[−1] = <see cref="InitialCash"/>. Both simulators book a trade decided at the close of bar t — its turnover,
/// trades and costs — in bar t+1, the bar it is held over, so bar 0 never trades.
/// </summary>
public sealed class BacktestResult
{
    private readonly double[] _returns;
    private readonly decimal[] _equity;
    private readonly double[] _turnover;
    private readonly int[] _trades;
    private readonly double[] _holdings;

    internal BacktestResult(string simulator, IReadOnlyList<Symbol> symbols, IReadOnlyList<DateTimeOffset> times, decimal initialCash,
        double[] returns, decimal[] equity, double[] turnover, int[] trades, double[] holdings, long events,
        IReadOnlyList<OrderRecord> orders, IReadOnlyList<Fill> fills, double periodsPerYear)
    {
        Simulator = simulator;
        Symbols = symbols;
        Times = times;
        InitialCash = initialCash;
        _returns = returns;
        _equity = equity;
        _turnover = turnover;
        _trades = trades;
        _holdings = holdings;
        Events = events;
        Orders = orders;
        Fills = fills;
        PeriodsPerYear = periodsPerYear;
    }

    /// <summary><c>vectorised</c> or <c>event-driven</c>.</summary>
    public string Simulator { get; }

    public IReadOnlyList<Symbol> Symbols { get; }

    public IReadOnlyList<DateTimeOffset> Times { get; }

    public decimal InitialCash { get; }

    /// <summary>Net return of every bar (after costs).</summary>
    public IReadOnlyList<double> Returns => _returns;

    /// <summary>Equity at the close of every bar, in the account currency.</summary>
    public IReadOnlyList<decimal> Equity => _equity;

    /// <summary>Two-sided turnover of every bar: traded notional ÷ NAV (2 = the whole book swapped).</summary>
    public IReadOnlyList<double> Turnover => _turnover;

    /// <summary>Trades of every bar: orders that traded (event-driven) or assets whose weight was changed (vectorised).</summary>
    public IReadOnlyList<int> TradesByBar => _trades;

    /// <summary>Total trades of the run.</summary>
    public int Trades => _trades.Sum();

    /// <summary>Events processed: symbol-bars with a price, plus orders and fills (event-driven); asset-bars (vectorised). 0 for a slice.</summary>
    public long Events { get; }

    public IReadOnlyList<OrderRecord> Orders { get; }

    public IReadOnlyList<Fill> Fills { get; }

    /// <summary>Bars per year used to annualise the statistics.</summary>
    public double PeriodsPerYear { get; }

    public decimal FinalEquity => _equity[^1];

    internal ReadOnlySpan<double> ReturnSpan => _returns;

    internal ReadOnlySpan<double> TurnoverSpan => _turnover;

    /// <summary>Weights held at the close of bar <paramref name="t"/> (the book held over bar t, drifted to its close), one per symbol.</summary>
    public ReadOnlySpan<double> HoldingsAt(int t) => _holdings.AsSpan(t * Symbols.Count, Symbols.Count);

    /// <summary>
    /// Bars <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> − 1 as a run of their own: its
    /// initial cash is the equity at the close before <paramref name="start"/>, its fills those made in it and its orders
    /// those that trade (or try to) in it: decided from the close before <paramref name="start"/> to the close before its
    /// last bar, since an order fills at the earliest in the bar after its decision.
    /// </summary>
    public BacktestResult Slice(int start, int count)
    {
        Market.Check.Range(start, count, Times.Count);
        if (count == 0) throw new ArgumentOutOfRangeException(nameof(count), count, "A slice needs at least one bar.");
        var n = Symbols.Count;
        var first = Times[start];
        var last = Times[start + count - 1];
        var firstDecision = Times[Math.Max(0, start - 1)];
        var lastDecision = start + count - 2 >= Math.Max(0, start - 1) ? Times[start + count - 2] : DateTimeOffset.MinValue;
        return new BacktestResult(Simulator, Symbols, [.. Times.Skip(start).Take(count)],
            start == 0 ? InitialCash : _equity[start - 1],
            _returns.AsSpan(start, count).ToArray(), _equity.AsSpan(start, count).ToArray(), _turnover.AsSpan(start, count).ToArray(),
            _trades.AsSpan(start, count).ToArray(), _holdings.AsSpan(start * n, count * n).ToArray(), 0,
            [.. Orders.Where(o => o.DecisionTime >= firstDecision && o.DecisionTime <= lastDecision)],
            [.. Fills.Where(f => f.Time >= first && f.Time <= last)],
            PeriodsPerYear);
    }
}
