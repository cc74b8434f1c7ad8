using System.Diagnostics;
using ActorTrader.Benchmarks.Cluster;
using ActorTrader.Node.Dashboard;

namespace ActorTrader.Benchmarks.Dashboard;

/// <summary>
/// <c>dashboard</c>: request latency of the dashboard with a year of daily history and 500 positions while it pushes a
/// snapshot every second to open event streams — the page, the snapshot JSON, the 1-year equity chart and the node
/// status — each as p99 per round next to <c>/health</c> (the same server, middleware and client; interleaved request by
/// request) as the baseline. Target: p99 at most 100 ms (issue 12).
/// </summary>
internal sealed class DashboardBenchmarkSuite : IBenchmarkSuite
{
    public const double TargetP99Ms = 100;
    private const int EventStreams = 5;

    public string Name => "dashboard";

    public string Description => "dashboard page/API p99 latency with 1 year of history and 500 positions, vs /health";

    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (rounds, requests) = options.Quick ? (3, 200) : (5, 1000);
        await using var server = await DashboardServer.StartAsync();
        using var streams = new CancellationTokenSource();
        var listeners = Enumerable.Range(0, EventStreams).Select(_ => ListenAsync(server, streams.Token)).ToList();

        string[] routes = ["/", DashboardRoutes.Snapshot, DashboardRoutes.EquityChart + "?range=1y", "/api/status"];
        var measured = routes.ToDictionary(r => r, _ => new List<LatencyPercentiles>());
        var baseline = new List<LatencyPercentiles>();
        // Warm-up: JIT, connection, the first snapshots.
        await RoundAsync(server, routes, 50, null, null);
        for (var round = 0; round < rounds; round++)
        {
            Console.Error.Write($"dashboard: round {round + 1}/{rounds} ... ");
            var started = Stopwatch.GetTimestamp();
            await RoundAsync(server, routes, requests, measured, baseline);
            Console.Error.WriteLine($"done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        }
        await streams.CancelAsync();
        var received = 0L;
        foreach (var listener in listeners) received += await listener;
        Console.Error.WriteLine($"dashboard: {EventStreams} event streams received {received} snapshots during the run");

        var workload = $"{rounds} rounds x {requests} requests per route, {SyntheticDashboardSource.Positions} positions, {SyntheticDashboardSource.DailyRows} daily rows, " +
                       $"{SyntheticDashboardSource.OpenOrders + SyntheticDashboardSource.RecentOrders} orders, {EventStreams} open event streams";
        Console.Error.Write("dashboard: ledger reads ... ");
        var ledger = await LedgerReads.RunAsync(rounds, options.Quick ? 200 : 1000);
        Console.Error.WriteLine("done");
        return
        [
            ledger,
            Figure("dashboard_page_p99_ms", measured["/"], baseline, workload),
            Figure("dashboard_snapshot_json_p99_ms", measured[DashboardRoutes.Snapshot], baseline, workload),
            Figure("dashboard_equity_chart_1y_p99_ms", measured[DashboardRoutes.EquityChart + "?range=1y"], baseline, workload),
            Figure("dashboard_api_status_p99_ms", measured["/api/status"], baseline, workload),
        ];
    }

    private static BenchmarkFigure Figure(string name, List<LatencyPercentiles> measured, List<LatencyPercentiles> baseline, string workload) =>
        new(name, "ms", new SampleSet(measured.Select(p => p.P99)), new SampleSet(baseline.Select(p => p.P99)), Better.Lower, Statistic.Median,
            TargetP99Ms, null, workload, "GET /health p99 on the same server, interleaved");

    /// <summary>One round: every route and /health in turn, <paramref name="requests"/> times; the p99 of each goes into the lists (none for a warm-up).</summary>
    private static async Task RoundAsync(DashboardServer server, string[] routes, int requests, Dictionary<string, List<LatencyPercentiles>>? measured, List<LatencyPercentiles>? baseline)
    {
        var times = routes.ToDictionary(r => r, _ => new List<double>(requests));
        var health = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            foreach (var route in routes) times[route].Add(await TimeAsync(server.Client, route));
            health.Add(await TimeAsync(server.Client, "/health"));
        }
        if (measured is null || baseline is null) return;
        foreach (var route in routes) measured[route].Add(LatencyPercentiles.Of(times[route]));
        baseline.Add(LatencyPercentiles.Of(health));
    }

    /// <summary>Milliseconds from sending the request to having read the whole body.</summary>
    private static async Task<double> TimeAsync(HttpClient client, string route)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(route);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (body.Length == 0) throw new InvalidOperationException($"GET {route} answered an empty body.");
        return elapsed;
    }

    /// <summary>A browser's event stream: counts the snapshots it receives until cancelled.</summary>
    private static async Task<long> ListenAsync(DashboardServer server, CancellationToken cancellationToken)
    {
        long snapshots = 0;
        try
        {
            using var response = await server.Client.GetAsync(DashboardRoutes.Events, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
                if (line.StartsWith("event: snapshot", StringComparison.Ordinal)) snapshots++;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
        return snapshots;
    }
}
