using ActorTrader.Hosting.Settings;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace ActorTrader.Node.Operations;

/// <summary>The OpenTelemetry SDK exporting the node's meter to an OTLP collector every interval; only when actortrader.telemetry.otlp.enabled = on.</summary>
internal static class OtlpMetrics
{
    /// <summary>The running exporter, or null when OTLP is off. Dispose it to flush and stop.</summary>
    public static MeterProvider? Start(TelemetrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Enabled) return null;
        var http = settings.Protocol == TelemetrySettings.HttpProtobuf;
        return Sdk.CreateMeterProviderBuilder()
            .AddMeter(NodeMetrics.MeterName)
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                // Over HTTP the endpoint is the collector's base URL; the signal's path is part of it.
                exporter.Endpoint = http ? new Uri(settings.Endpoint.ToString().TrimEnd('/') + "/v1/metrics") : settings.Endpoint;
                if (settings.Headers.Length > 0) exporter.Headers = settings.Headers;
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)settings.Interval.TotalMilliseconds;
            })
            .Build();
    }
}
