using System.Globalization;
using ActorTrader.Hosting.Logging;
using ActorTrader.Hosting.Management;
using ActorTrader.Node.Dashboard;

namespace ActorTrader.Benchmarks.Dashboard;

/// <summary>
/// A busy account for the dashboard: <see cref="Positions"/> positions, a year of daily rows, open and recent orders with
/// their state history, alerts and errors. The NAV and marks move on every read, as they do while a market is open.
/// </summary>
internal sealed class SyntheticDashboardSource : IDashboardSource
{
    public const int Positions = 500;
    public const int DailyRows = 252;
    public const int OpenOrders = 100;
    public const int RecentOrders = 50;

    private readonly Random _random = new(42);
    private readonly List<PortfolioDailyView> _daily = [];
    private readonly List<DashboardOrder> _orders = [];
    private readonly List<DashboardAlert> _alerts = [];
    private readonly List<ErrorEntry> _errors = [];
    private long _reads;

    public SyntheticDashboardSource()
    {
        var nav = 1_000_000m;
        var day = new DateOnly(2025, 1, 2);
        for (var i = 0; i < DailyRows; i++)
        {
            var pnl = Math.Round(nav * (decimal)((_random.NextDouble() - 0.48) * 0.02), 2);
            nav += pnl;
            _daily.Add(new PortfolioDailyView(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), nav, nav * 0.1m, pnl, pnl / 2, 12.5m, Positions));
            day = day.AddDays(day.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
        }
        var at = new DateTimeOffset(2025, 12, 31, 15, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < OpenOrders + RecentOrders; i++)
        {
            var open = i < OpenOrders;
            var order = new OrderDto($"at-{i:x32}", $"broker-{i}", Symbol(i % Positions), i % 2 == 0 ? "buy" : "sell", "limit", 100m, open ? 0m : 100m,
                open ? null : 101.25m, open ? "new" : "filled", "core_equity", "2025-12-31T14:30Z", "target", at, at.AddSeconds(i), null);
            IReadOnlyList<DashboardOrderState> history = open
                ? [new("pending_submit", at), new("new", at.AddMilliseconds(20))]
                : [new("pending_submit", at), new("new", at.AddMilliseconds(20)), new("partially_filled", at.AddSeconds(1)), new("filled", at.AddSeconds(2))];
            _orders.Add(new DashboardOrder(order, history));
        }
        for (var i = 0; i < 50; i++) _alerts.Add(new DashboardAlert("order-rejected", "Warning", $"Order at-{i:x32} was rejected: insufficient buying power", at.AddMinutes(-i), i % 3, at.AddMinutes(-i)));
        for (var i = 0; i < 20; i++) _errors.Add(new ErrorEntry(at.AddMinutes(-i), "Error", $"Broker call failed: HTTP 503 (attempt {i})", null, "/user/trading/account/broker", null));
    }

    public Task<DashboardData> ReadAsync(CancellationToken cancellationToken)
    {
        var read = Interlocked.Increment(ref _reads);
        var asOf = new DateTimeOffset(2025, 12, 31, 15, 0, 0, TimeSpan.Zero).AddSeconds(read);
        var positions = new List<PositionView>(Positions);
        var value = 0m;
        for (var i = 0; i < Positions; i++)
        {
            var cost = 50m + i % 200;
            var mark = Math.Round(cost * (1m + (decimal)((_random.NextDouble() - 0.5) * 0.1)), 2);
            var quantity = (i % 7 == 0 ? -1 : 1) * (10m + i % 90);
            positions.Add(new PositionView(Symbol(i), quantity, cost, mark, quantity * mark, quantity * (mark - cost)));
            value += quantity * mark;
        }
        var nav = _daily[^1].Nav + Math.Round((decimal)((_random.NextDouble() - 0.5) * 2000), 2);
        var pnl = new PnlResponse("bench", asOf, nav, nav - value, 1234.5m, positions.Sum(p => p.UnrealisedPnl), 321.75m, nav - _daily[^1].Nav,
            positions.Sum(p => Math.Abs(p.MarketValue)), value, 5000, _daily);
        var node = new DashboardNode("bench", ["trader"], "bench", read, false, null, null, null);
        var trading = new DashboardTrading("live-clock", "running", "bench", "paper", "ACTIVE", null, "gate: reconciled, not halted, risk ACTIVE", "succeeded", null, false);
        return Task.FromResult(new DashboardData(node, asOf)
        {
            Trading = trading,
            Pnl = pnl,
            Positions = new PositionsResponse("bench", asOf, positions),
            Orders = _orders,
            Alerts = _alerts,
            Errors = _errors,
            Freshness = [new DashboardFreshness("alpaca", asOf.AddSeconds(-30), 30, false), new DashboardFreshness("lakehouse", asOf.AddHours(-20), 72000, false)],
        });
    }

    private static string Symbol(int i) => $"NYSE:S{i:000}";
}
