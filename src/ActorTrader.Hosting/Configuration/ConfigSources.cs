namespace ActorTrader.Hosting.Configuration;

/// <summary>
/// Where a configuration comes from: the embedded reference.conf, a node file, environment overrides
/// (<c>ACTORTRADER__A__B=value</c>) and <c>--set key=value</c> arguments, later layers winning.
/// </summary>
public sealed record ConfigSources
{
    /// <summary>Environment variable naming the node file when no <c>--config</c> is given.</summary>
    public const string ConfigFileVariable = "ACTORTRADER_CONFIG";

    /// <summary>The node file used when neither <c>--config</c> nor <see cref="ConfigFileVariable"/> names one.</summary>
    public const string DefaultNodeFile = "hocon/node.conf";

    /// <summary>The node file given with <c>--config</c>; null falls back to the environment, then the default.</summary>
    public string? ConfigFile { get; init; }

    /// <summary><c>key=value</c> overrides from the command line, applied last.</summary>
    public IReadOnlyList<string> Sets { get; init; } = [];

    /// <summary>Environment variables; null reads the process environment.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Directory that relative paths (the node file, the data directory) are resolved against.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The environment as a dictionary, read from the process when none was given.</summary>
    public IReadOnlyDictionary<string, string?> EffectiveEnvironment()
    {
        if (Environment is not null) return Environment;
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            variables[(string)entry.Key] = entry.Value as string;
        return variables;
    }

    /// <summary>The node file to read, absolute, and why it was chosen (for status and error messages).</summary>
    public (string Path, string ChosenBy) ResolveNodeFile()
    {
        if (!string.IsNullOrWhiteSpace(ConfigFile)) return (Path.GetFullPath(ConfigFile, WorkingDirectory), "--config");
        if (EffectiveEnvironment().TryGetValue(ConfigFileVariable, out var fromEnvironment) && !string.IsNullOrWhiteSpace(fromEnvironment))
            return (Path.GetFullPath(fromEnvironment, WorkingDirectory), ConfigFileVariable);
        return (Path.GetFullPath(DefaultNodeFile, WorkingDirectory), "default");
    }
}
