using System.CommandLine;
using ActorTrader.Hosting.Configuration;
using Spectre.Console;

namespace ActorTrader.Cli;

/// <summary>What a command runs against: output writers, environment, working directory, HTTP and the global options.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Environment">Environment variables (ACTORTRADER_CONFIG, ACTORTRADER__* overrides, credentials).</param>
/// <param name="WorkingDirectory">Directory relative paths are resolved against.</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, IReadOnlyDictionary<string, string?> Environment, string WorkingDirectory)
{
    /// <summary>The global <c>--config FILE</c> option: the node configuration used to find the node and its token.</summary>
    public Option<string?> ConfigOption { get; } = new("--config")
    {
        Description = $"Node configuration file (default: ${ConfigSources.ConfigFileVariable} or {ConfigSources.DefaultNodeFile})",
        Recursive = true,
    };

    /// <summary>How long the CLI waits for the node to answer one request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Makes the HTTP handler for management requests; tests may replace it.</summary>
    public Func<HttpMessageHandler> HttpHandlerFactory { get; init; } = () => new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) };

    /// <summary>The context of this process: console writers, process environment, current directory.</summary>
    public static CliContext FromProcess()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            variables[(string)entry.Key] = entry.Value as string;
        return new CliContext(System.Console.Out, System.Console.Error, variables, Directory.GetCurrentDirectory());
    }

    /// <summary>Where the configuration comes from for this invocation.</summary>
    public ConfigSources Sources(string? configFile) => new()
    {
        ConfigFile = configFile,
        Environment = Environment,
        WorkingDirectory = WorkingDirectory,
    };

    /// <summary>A Spectre console writing to <see cref="Out"/>; colours only when that is a terminal.</summary>
    public IAnsiConsole Console()
    {
        var terminal = ReferenceEquals(Out, System.Console.Out) && !System.Console.IsOutputRedirected;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
    }
}
