using ActorTrader.Hocon;

namespace ActorTrader.Hosting.Settings;

/// <summary><c>actortrader.telemetry.otlp</c>: the node's metrics exported to an OpenTelemetry collector (off by default).</summary>
/// <param name="Enabled">Whether the OTLP exporter runs.</param>
/// <param name="Endpoint">The collector's base URL (http/protobuf: metrics go to <c>/v1/metrics</c> under it).</param>
/// <param name="Protocol"><c>http/protobuf</c> or <c>grpc</c>.</param>
/// <param name="Interval">How often metrics are exported.</param>
/// <param name="Headers">Extra request headers, <c>key=value,key2=value2</c> (often an API key: never logged).</param>
public sealed record TelemetrySettings(bool Enabled, Uri Endpoint, string Protocol, TimeSpan Interval, string Headers)
{
    public const string Section = "actortrader.telemetry.otlp";
    public const string HttpProtobuf = "http/protobuf";
    public const string Grpc = "grpc";

    public static TelemetrySettings Default { get; } = new(false, new Uri("http://127.0.0.1:4318"), HttpProtobuf, TimeSpan.FromSeconds(10), "");

    public static (TelemetrySettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var log = new ConfigProblemLog(config);
        var d = Default;
        var enabled = log.ReadOptional($"{Section}.enabled", config.GetBoolean, d.Enabled, "on or off");
        var text = log.ReadOptional($"{Section}.endpoint", config.GetString, d.Endpoint.ToString(), "a URL").Trim();
        var endpoint = d.Endpoint;
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)) endpoint = parsed;
        else log.Report($"{Section}.endpoint", $"{Section}.endpoint = \"{text}\" is not an http(s) URL.", "Set it to the collector, e.g. \"http://127.0.0.1:4318\".");
        var protocol = log.ReadOptional($"{Section}.protocol", config.GetString, d.Protocol, "http/protobuf or grpc").Trim();
        if (protocol is not (HttpProtobuf or Grpc))
        {
            log.Report($"{Section}.protocol", $"{Section}.protocol = \"{protocol}\" is not a protocol the exporter speaks.", "Set it to \"http/protobuf\" (port 4318) or \"grpc\" (port 4317).");
            protocol = d.Protocol;
        }
        var interval = log.ReadOptional($"{Section}.interval", config.GetTimeSpan, d.Interval, "a duration such as 10s");
        if (interval < TimeSpan.FromSeconds(1))
        {
            log.Report($"{Section}.interval", $"{Section}.interval must be at least 1s.", "Set it to e.g. 10s.");
            interval = d.Interval;
        }
        var headers = log.ReadOptional($"{Section}.headers", config.GetString, d.Headers, "key=value pairs separated by commas").Trim();
        if (headers.Length > 0 && headers.Split(',').Any(h => !h.Contains('=', StringComparison.Ordinal)))
        {
            log.Report($"{Section}.headers", $"{Section}.headers is not a list of key=value pairs (the value is not shown: it may be a secret).", "Write it as \"api-key=...,tenant=...\".");
            headers = "";
        }
        return (new TelemetrySettings(enabled, endpoint, protocol, interval, headers), log.Problems);
    }

    // Headers usually carry an API key: a printed record shows that there are some, never what they are.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Enabled = ").Append(Enabled).Append(", Endpoint = ").Append(Endpoint).Append(", Protocol = ").Append(Protocol)
            .Append(", Interval = ").Append(Interval).Append(", Headers = ").Append(Headers.Length > 0 ? "***" : "");
        return true;
    }
}
