using ActorTrader.Hocon;

namespace ActorTrader.Trading.Sleeves.Definition;

/// <summary>A sleeve file has problems; the message lists each with its file:line:col and fix.</summary>
public sealed class SleeveDefinitionException : Exception
{
    public SleeveDefinitionException() { }

    public SleeveDefinitionException(string message) : base(message) { }

    public SleeveDefinitionException(string message, Exception innerException) : base(message, innerException) { }

    public SleeveDefinitionException(string source, IReadOnlyList<ConfigProblem> problems)
        : base($"Sleeve file {source} has {problems.Count} problem(s):" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        Problems = problems;
    }

    public IReadOnlyList<ConfigProblem> Problems { get; } = [];
}
