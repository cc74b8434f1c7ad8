namespace ActorTrader.Hocon;

/// <summary>How a HOCON document is parsed and resolved.</summary>
public sealed record HoconParseOptions
{
    /// <summary>Default options: environment fallback on, substitutions resolved.</summary>
    public static HoconParseOptions Default { get; } = new();

    /// <summary>When a substitution (<c>${X}</c> or <c>${?X}</c>) is not found in the config, look it up as an environment variable.</summary>
    public bool UseEnvironment { get; init; } = true;

    /// <summary>The environment used for fallback; <c>null</c> means the process environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Directory that relative includes in <see cref="ConfigurationFactory.ParseString"/> text are resolved against (default: current directory).</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Name used for positions in errors for text given to <see cref="ConfigurationFactory.ParseString"/> (default "hocon").</summary>
    public string? SourceName { get; init; }

    /// <summary>Resolve substitutions after parsing. When false, call <see cref="Config.Resolve"/> before reading values.</summary>
    public bool ResolveSubstitutions { get; init; } = true;
}
