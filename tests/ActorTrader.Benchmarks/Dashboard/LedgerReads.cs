using System.Diagnostics;
using ActorTrader.Benchmarks.Actors;
using ActorTrader.Benchmarks.Cluster;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Node.Hosting;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Memory;
using ActorTrader.Trading.Ledger;

namespace ActorTrader.Benchmarks.Dashboard;

/// <summary>
/// What the positions and P&amp;L endpoints (and each dashboard snapshot) read from a real ledger actor: the ledger view
/// and the portfolio_daily rows, with 500 positions booked from fills and a year of daily snapshots in its journal,
/// turned into the positions list. Baseline: an ask round trip to an echo actor on the same system.
/// </summary>
internal static class LedgerReads
{
    public const int Positions = 500;
    public const int Days = 252;

    public static async Task<BenchmarkFigure> RunAsync(int rounds, int reads)
    {
        var system = ActorSystem.Create("ledger-reads");
        try
        {
            ActorTrader.Persistence.Persistence.Install(system, PersistenceSetup.InMemory(NodePersistence.CreateSerializer(), new MemoryStorage()));
            var ledger = system.ActorOf(LedgerActor.CreateProps("bench", LedgerSettings.Default with { InitialCash = 10_000_000m }), "ledger");
            var echo = system.ActorOf(Props.Create(() => new EchoActor()), "echo");
            var timeout = TimeSpan.FromSeconds(30);
            var start = new DateTimeOffset(2025, 1, 2, 15, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < Positions; i++)
            {
                var fill = new Fill($"at-{i:x8}", new Symbol("NYSE", $"S{i:000}"), i % 7 == 0 ? OrderSide.Sell : OrderSide.Buy, 10 + i % 90, 50m + i % 200, 1m, start);
                await ledger.Ask<FillBooked>(new BookFill(fill, $"e-{i}", i + 1), timeout);
            }
            var day = DateOnly.FromDateTime(start.UtcDateTime);
            for (var d = 0; d < Days; d++)
            {
                await ledger.Ask<DailySnapshotTaken>(new TakeDailySnapshot(day), timeout);
                day = day.AddDays(day.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
            }
            ledger.Tell(new MarkPrices([.. Enumerable.Range(0, Positions).Select(i => new MarketQuote(new Symbol("NYSE", $"S{i:000}"), 51m + i % 200, start.AddHours(1)))]));

            var measured = new List<LatencyPercentiles>();
            var baseline = new List<LatencyPercentiles>();
            for (var round = 0; round <= rounds; round++)
            {
                var times = new List<double>(reads);
                var echoes = new List<double>(reads);
                for (var i = 0; i < reads; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var view = await ledger.Ask<LedgerView>(GetLedger.Instance, timeout);
                    var daily = await ledger.Ask<PortfolioDailyHistory>(GetPortfolioDaily.Instance, timeout);
                    var rows = view.Positions.Where(p => p.Quantity != 0m).OrderBy(p => p.Symbol)
                        .Select(p => (p.Symbol, p.Quantity, Value: p.Quantity * (view.Marks.TryGetValue(p.Symbol, out var m) ? m : p.AverageCost))).ToList();
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (rows.Count != Positions || daily.Rows.Count != Days) throw new InvalidOperationException($"The ledger holds {rows.Count} positions and {daily.Rows.Count} daily rows, not {Positions} and {Days}.");
                    started = Stopwatch.GetTimestamp();
                    await echo.Ask<object>(i, timeout);
                    echoes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                // Round 0 warms up.
                if (round == 0) continue;
                measured.Add(LatencyPercentiles.Of(times));
                baseline.Add(LatencyPercentiles.Of(echoes));
            }
            return new BenchmarkFigure("dashboard_ledger_read_p99_ms", "ms", new SampleSet(measured.Select(p => p.P99)), new SampleSet(baseline.Select(p => p.P99)),
                Better.Lower, Statistic.Median, DashboardBenchmarkSuite.TargetP99Ms, null,
                $"{rounds} rounds x {reads} reads of a real ledger actor: {Positions} positions, {Days} daily rows, marks; view + daily rows + positions list",
                "ask round trip to an echo actor, interleaved");
        }
        finally
        {
            await system.Terminate();
        }
    }
}
