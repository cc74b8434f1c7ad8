using ActorTrader.Hosting.Settings;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace ActorTrader.Hosting.Logging;

/// <summary>
/// Builds a node's Serilog logger from <c>actortrader.logging</c>: human-readable console, daily JSON files
/// (<see cref="LoggingSettings.RetainedFiles"/> kept) and an errors file of Error and Fatal events, every event
/// enriched with the node name, its roles, and (where present) actor path and correlation id.
/// </summary>
public static class NodeLogging
{
    /// <summary>Console layout: time, level, node/actor context, message.</summary>
    public const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{ActorPathSuffix}{NewLine}{Exception}";

    /// <summary>File name pattern of the daily JSON logs; Serilog inserts the date before the extension.</summary>
    public const string JsonFilePattern = "node-.json";

    /// <summary>Creates the logger; dispose it last so every event is flushed.</summary>
    public static Logger CreateLogger(NodeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var logging = settings.Logging;
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(logging.Level)
            // ASP.NET Core narrates every request at Information; keep its warnings and errors only.
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty(LogProperties.Node, settings.Node.Name)
            .Enrich.WithProperty(LogProperties.Roles, settings.Node.Roles)
            .WriteTo.File(new JsonFormatter(renderMessage: true), Path.Combine(logging.Directory, JsonFilePattern),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: logging.RetainedFiles)
            .WriteTo.File(new JsonFormatter(renderMessage: true), logging.ErrorsFile,
                restrictedToMinimumLevel: LogEventLevel.Error, fileSizeLimitBytes: 64L * 1024 * 1024, shared: true);
        if (logging.Console)
        {
            // The suffix exists only for the console's template; a sub-logger gets a copy of each event, so the JSON files never see it.
            configuration = configuration.WriteTo.Logger(console => console
                .Enrich.With<ActorPathSuffixEnricher>()
                .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        }
        return configuration.CreateLogger();
    }

    /// <summary>Adds " (actor /user/x)" for the console when an event comes from an actor.</summary>
    private sealed class ActorPathSuffixEnricher : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            var suffix = logEvent.Properties.TryGetValue(LogProperties.ActorPath, out var path) && path is ScalarValue { Value: string text }
                ? $" ({text})"
                : string.Empty;
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("ActorPathSuffix", suffix));
        }
    }
}
