using Serilog;
using Serilog.Events;

namespace ActorTrader.Hosting.Alerts;

/// <summary>
/// Writes each alert to the node's log: Critical and Warning at Warning, Info at Information. Not at Error: what an
/// alert reports was logged at Error by its source already, and the errors file should list it once.
/// </summary>
public sealed class LogAlertSink(ILogger log) : IAlertSink
{
    private readonly ILogger _log = (log ?? throw new ArgumentNullException(nameof(log))).ForContext<LogAlertSink>();

    public string Name => "log";

    public void Send(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var level = alert.Severity switch
        {
            AlertSeverity.Critical or AlertSeverity.Warning => LogEventLevel.Warning,
            _ => LogEventLevel.Information,
        };
        _log.Write(level, "Alert {AlertKind} ({AlertKey}): {AlertMessage}", alert.Kind, alert.Key, alert.Message);
    }
}
