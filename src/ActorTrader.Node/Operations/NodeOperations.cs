using ActorTrader.Actors;
using ActorTrader.Hosting.Alerts;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Alerts;
using OpenTelemetry.Metrics;

namespace ActorTrader.Node.Operations;

/// <summary>
/// What watches the node while it runs: the alerts (their monitor actor, the center and its sinks: log, webhook,
/// metrics), the data-freshness board, the metrics with their in-process summary and, when enabled, the OTLP exporter.
/// Started once per node; disposed after the actor system stopped (the webhook's queue and the exporter flush).
/// </summary>
internal sealed class NodeOperations : IAsyncDisposable
{
    /// <summary>The alert webhook's client: one per process, as HttpClient is meant to be used.</summary>
    private static readonly Lazy<HttpClient> WebhookHttp = new(() => new HttpClient());

    private readonly WebhookAlertSink? _webhook;
    private readonly MeterProvider? _otlp;

    private NodeOperations(AlertCenter alerts, DataFreshnessBoard freshness, NodeMetrics metrics, MetricsSummary summary, WebhookAlertSink? webhook, MeterProvider? otlp)
    {
        Alerts = alerts;
        Freshness = freshness;
        Metrics = metrics;
        Summary = summary;
        _webhook = webhook;
        _otlp = otlp;
    }

    public AlertCenter Alerts { get; }

    public DataFreshnessBoard Freshness { get; }

    public NodeMetrics Metrics { get; }

    public MetricsSummary Summary { get; }

    public static NodeOperations Start(ActorSystem system, string nodeName, AlertSettings alerts, TelemetrySettings telemetry, Serilog.ILogger logger, TimeProvider time)
    {
        var metrics = new NodeMetrics(time);
        var summary = new MetricsSummary(NodeMetrics.MeterName);
        var otlp = OtlpMetrics.Start(telemetry);
        if (otlp is not null)
            logger.ForContext<NodeOperations>().Information("Metrics are exported over OTLP ({Protocol}) to {Endpoint} every {Interval} s", telemetry.Protocol, telemetry.Endpoint.GetLeftPart(UriPartial.Authority), telemetry.Interval.TotalSeconds);
        system.ActorOf(MetricsListener.CreateProps(metrics), "metrics");
        var webhook = alerts.WebhookUrl is { } url ? new WebhookAlertSink(url, nodeName, WebhookHttp.Value, alerts.WebhookTimeout, alerts.WebhookRetries, time, logger) : null;
        IAlertSink[] sinks = webhook is null ? [new LogAlertSink(logger), new MetricsAlertSink(metrics)] : [new LogAlertSink(logger), webhook, new MetricsAlertSink(metrics)];
        var center = new AlertCenter(alerts, time, sinks);
        var freshness = new DataFreshnessBoard(alerts.StaleDataAfter);
        system.ActorOf(AlertMonitor.CreateProps(center, freshness, alerts, () => MemoryUsage.Read(alerts.MemoryLimitBytes)), "alerts");
        return new NodeOperations(center, freshness, metrics, summary, webhook, otlp);
    }

    public async ValueTask DisposeAsync()
    {
        if (_webhook is not null) await _webhook.DisposeAsync().ConfigureAwait(false);
        _otlp?.Dispose();
        Summary.Dispose();
        Metrics.Dispose();
    }
}
