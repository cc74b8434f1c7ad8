using ActorTrader.Hocon;

namespace ActorTrader.Research.Settings;

/// <summary>The <c>actortrader.research</c> section has problems; <see cref="Problems"/> lists each with its position and fix.</summary>
public sealed class ResearchSettingsException : Exception
{
    public ResearchSettingsException(IReadOnlyList<ConfigProblem> problems)
        : base(string.Join(Environment.NewLine, (problems ?? []).Select(p => p.ToString())))
    {
        Problems = problems ?? [];
    }

    public ResearchSettingsException() : this([]) { }

    public ResearchSettingsException(string message) : base(message) { Problems = []; }

    public ResearchSettingsException(string message, Exception innerException) : base(message, innerException) { Problems = []; }

    public IReadOnlyList<ConfigProblem> Problems { get; }
}
