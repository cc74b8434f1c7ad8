using Serilog;
using Serilog.Events;

namespace ActorTrader.Actors;

/// <summary>Writes to a Serilog logger that already carries the actor's path and type.</summary>
internal sealed class SerilogLoggingAdapter(ILogger logger) : ILoggingAdapter
{
    public bool IsDebugEnabled => logger.IsEnabled(LogEventLevel.Debug);

    public void Debug(string template, params object?[] args) => logger.Debug(template, args);

    public void Info(string template, params object?[] args) => logger.Information(template, args);

    public void Warning(string template, params object?[] args) => logger.Warning(template, args);

    public void Error(string template, params object?[] args) => logger.Error(template, args);

    public void Error(Exception exception, string template, params object?[] args) => logger.Error(exception, template, args);
}
