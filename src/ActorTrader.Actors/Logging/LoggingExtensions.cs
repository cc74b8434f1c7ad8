using Serilog.Core;

namespace ActorTrader.Actors;

/// <summary><c>Context.GetLogger()</c>: a logger whose events carry ActorPath, ActorSystem and the actor's type.</summary>
public static class LoggingExtensions
{
    public static ILoggingAdapter GetLogger(this IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var logger = context.System.Logger
            .ForContext("ActorPath", context.Self.Path.ToString())
            .ForContext(Constants.SourceContextPropertyName, context.Props.Type.FullName);
        return new SerilogLoggingAdapter(logger);
    }

    /// <summary>A logger for code outside actors, tagged with a source name.</summary>
    public static ILoggingAdapter GetLogger(this ActorSystem system, string source)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new SerilogLoggingAdapter(system.Logger.ForContext(Constants.SourceContextPropertyName, source));
    }
}
