using Serilog;
using Serilog.Events;

namespace ActorTrader.Hosting.Alerts;

/// <summary>Writes each alert to the node's log: Critical as Error (so it also lands in the errors file), Warning as Warning, Info as Information.</summary>
public sealed class LogAlertSink(ILogger log) : IAlertSink
{
    private readonly ILogger _log = (log ?? throw new ArgumentNullException(nameof(log))).ForContext<LogAlertSink>();

    public string Name => "log";

    public void Send(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var level = alert.Severity switch
        {
            AlertSeverity.Critical => LogEventLevel.Error,
            AlertSeverity.Warning => LogEventLevel.Warning,
            _ => LogEventLevel.Information,
        };
        _log.Write(level, "Alert {AlertKind} ({AlertKey}): {AlertMessage}", alert.Kind, alert.Key, alert.Message);
    }
}
