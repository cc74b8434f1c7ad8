using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ActorTrader.Node.Operations;

/// <summary>
/// The node's instruments on the <see cref="MeterName"/> meter: management requests (count and duration by route),
/// process memory, GC, threads and uptime, orders by what happened to them, the ledger's NAV and alerts by kind. Read by
/// <see cref="MetricsSummary"/> for <c>GET /metrics</c> and, when enabled, exported over OTLP.
/// </summary>
internal sealed class NodeMetrics : IDisposable
{
    public const string MeterName = "ActorTrader.Node";

    private readonly Meter _meter = new(MeterName);
    private readonly DateTimeOffset _startedAt;
    private readonly TimeProvider _time;
    private double _nav = double.NaN;

    public NodeMetrics(TimeProvider time)
    {
        _time = time;
        _startedAt = time.GetUtcNow();
        Requests = _meter.CreateCounter<long>("actortrader.management.requests", "{request}", "Management API and dashboard requests");
        RequestDuration = _meter.CreateHistogram<double>("actortrader.management.request.duration", "ms", "Time to answer a management request");
        Orders = _meter.CreateCounter<long>("actortrader.orders", "{order}", "Order events by kind (submitted, accepted, filled, rejected, ...)");
        Alerts = _meter.CreateCounter<long>("actortrader.alerts", "{alert}", "Alerts sent, by kind");
        _meter.CreateObservableGauge("actortrader.process.working_set", () => Environment.WorkingSet, "By", "Process working set");
        _meter.CreateObservableGauge("actortrader.process.gc_heap", () => GC.GetTotalMemory(false), "By", "Managed heap in use");
        _meter.CreateObservableCounter("actortrader.process.gc_collections", () => GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2), "{collection}", "Garbage collections");
        _meter.CreateObservableGauge("actortrader.process.threads", () => Process.GetCurrentProcess().Threads.Count, "{thread}", "Threads of the process");
        _meter.CreateObservableGauge("actortrader.node.uptime", () => (_time.GetUtcNow() - _startedAt).TotalSeconds, "s", "Seconds since the node started");
        _meter.CreateObservableGauge("actortrader.ledger.nav", ObserveNav, "{currency}", "The ledger's net asset value");
    }

    public Counter<long> Requests { get; }

    public Histogram<double> RequestDuration { get; }

    public Counter<long> Orders { get; }

    public Counter<long> Alerts { get; }

    /// <summary>The NAV the ledger last published.</summary>
    public void SetNav(decimal nav) => Interlocked.Exchange(ref _nav, (double)nav);

    private IEnumerable<Measurement<double>> ObserveNav()
    {
        var nav = Interlocked.CompareExchange(ref _nav, 0, 0);
        return double.IsNaN(nav) ? [] : [new Measurement<double>(nav)];
    }

    public void Dispose() => _meter.Dispose();
}
