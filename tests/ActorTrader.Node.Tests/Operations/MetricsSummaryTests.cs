using ActorTrader.Node.Operations;
using ActorTrader.TestKit.Time;

namespace ActorTrader.Node.Tests.Operations;

public sealed class MetricsSummaryTests : IDisposable
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2024, 7, 1, 14, 0, 0, TimeSpan.Zero));
    private readonly NodeMetrics _metrics;
    private readonly MetricsSummary _summary;

    public MetricsSummaryTests()
    {
        _metrics = new NodeMetrics(_time);
        _summary = new MetricsSummary(NodeMetrics.MeterName);
    }

    public void Dispose()
    {
        _summary.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public void Counters_are_totals_per_tag_set()
    {
        _metrics.Orders.Add(1, new KeyValuePair<string, object?>("event", "submitted"));
        _metrics.Orders.Add(2, new KeyValuePair<string, object?>("event", "submitted"));
        _metrics.Orders.Add(1, new KeyValuePair<string, object?>("event", "filled"));

        var view = _summary.Read(_time.GetUtcNow());

        Assert.Equal(3, view.Counters["actortrader.orders{event=submitted}"]);
        Assert.Equal(1, view.Counters["actortrader.orders{event=filled}"]);
    }

    [Fact]
    public void Histograms_report_count_and_quantiles()
    {
        for (var i = 1; i <= 100; i++) _metrics.RequestDuration.Record(i, new KeyValuePair<string, object?>("route", "/api/status"));

        var view = _summary.Read(_time.GetUtcNow()).Histograms["actortrader.management.request.duration{route=/api/status}"];

        Assert.Equal(100, view.Count);
        Assert.Equal(50, view.P50);
        Assert.Equal(95, view.P95);
        Assert.Equal(99, view.P99);
        Assert.Equal(100, view.Max);
    }

    [Fact]
    public void Gauges_are_observed_when_read_the_nav_once_the_ledger_told_it()
    {
        var before = _summary.Read(_time.GetUtcNow());
        _metrics.SetNav(100_250.5m);
        _time.Advance(TimeSpan.FromSeconds(90));

        var after = _summary.Read(_time.GetUtcNow());

        Assert.False(before.Gauges.ContainsKey("actortrader.ledger.nav"));
        Assert.Equal(100_250.5, after.Gauges["actortrader.ledger.nav"]);
        Assert.Equal(90, after.Gauges["actortrader.node.uptime"]);
        Assert.True(after.Gauges["actortrader.process.working_set"] > 0);
    }
}
