using System.Text.Json;
using ActorTrader.Hosting.Management;
using Microsoft.Extensions.Hosting;

namespace ActorTrader.Node.Dashboard;

/// <summary>
/// Builds the dashboard's snapshot every update interval (actortrader.management.dashboard.update-interval) from its
/// <see cref="IDashboardSource"/>, once for all open pages: the page, the snapshot endpoint and every event stream serve
/// the same serialized bytes, so the node is read once a second however many browsers watch. Runs with the web host.
/// </summary>
internal sealed class DashboardFeed : IHostedService, IDisposable
{
    private readonly IDashboardSource _source;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Serilog.ILogger _log;
    private readonly DashboardSnapshotBuilder _builder = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _chartsLock = new();
    private readonly Dictionary<string, (long Version, string Svg)> _equityCharts = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Published? _latest;
    private Task? _loop;
    private long _sequence;

    public DashboardFeed(IDashboardSource source, TimeSpan interval, TimeProvider time, Serilog.ILogger log)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _interval = interval;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <summary>The last snapshot and its JSON; null before the first was built.</summary>
    public Published? Latest => _latest;

    /// <summary>Builds one snapshot now (the loop calls it; tests and benchmarks may too).</summary>
    public async Task<Published> RefreshAsync(CancellationToken cancellationToken)
    {
        var data = await _source.ReadAsync(cancellationToken).ConfigureAwait(false);
        var snapshot = _builder.Build(data, Interlocked.Increment(ref _sequence));
        var published = new Published(snapshot, JsonSerializer.SerializeToUtf8Bytes(snapshot, ManagementJson.Options), data.Pnl?.PortfolioDaily ?? []);
        _latest = published;
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return published;
    }

    /// <summary>Completes when a snapshot newer than <paramref name="sequence"/> is there (at once when it already is).</summary>
    public async Task<Published> NextAsync(long sequence, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (_latest is { } latest && latest.Snapshot.Sequence > sequence) return latest;
            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The equity chart of <paramref name="range"/> (30d, 90d, 1y) for the latest history, rendered once per history version.</summary>
    public string EquityChart(string range)
    {
        var days = DashboardCharts.Ranges[range];
        var latest = _latest;
        var version = latest?.Snapshot.EquityVersion ?? 0;
        lock (_chartsLock)
        {
            if (_equityCharts.TryGetValue(range, out var cached) && cached.Version == version) return cached.Svg;
            var svg = DashboardCharts.Equity(latest?.Daily ?? [], days);
            _equityCharts[range] = (version, svg);
            return svg;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is { } loop) await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        do
        {
            try
            {
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A snapshot that cannot be built leaves the last one on the page; the next tick tries again.
                _log.Warning(e, "The dashboard snapshot could not be built: {Error}", e.Message);
            }
        }
        while (await Tick(timer, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _stop.Dispose();

    /// <summary>A snapshot, its JSON and the daily rows the equity charts are drawn from.</summary>
    internal sealed record Published(DashboardSnapshot Snapshot, byte[] Json, IReadOnlyList<PortfolioDailyView> Daily);
}
