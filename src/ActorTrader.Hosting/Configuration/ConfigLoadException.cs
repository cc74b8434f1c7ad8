using ActorTrader.Hocon;

namespace ActorTrader.Hosting.Configuration;

/// <summary>A configuration that could not be loaded or read; each problem names its position and fix.</summary>
public sealed class ConfigLoadException : Exception
{
    public ConfigLoadException(IReadOnlyList<ConfigProblem> problems)
        : base(string.Join(System.Environment.NewLine, problems.Select(p => p.ToString())))
    {
        Problems = problems;
    }

    public ConfigLoadException()
        : this([])
    {
    }

    public ConfigLoadException(string message)
        : base(message)
    {
        Problems = [];
    }

    public ConfigLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public IReadOnlyList<ConfigProblem> Problems { get; }
}
