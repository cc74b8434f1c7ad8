using ActorTrader.Hocon;

namespace ActorTrader.Trading.Meta;

/// <summary>The <c>actortrader.meta</c> section has problems; <see cref="Problems"/> lists each with its position and fix.</summary>
public sealed class MetaSettingsException : Exception
{
    public MetaSettingsException(IReadOnlyList<ConfigProblem> problems)
        : base(string.Join(Environment.NewLine, (problems ?? []).Select(p => p.ToString())))
    {
        Problems = problems ?? [];
    }

    public MetaSettingsException() : this([]) { }

    public MetaSettingsException(string message) : base(message) { Problems = []; }

    public MetaSettingsException(string message, Exception innerException) : base(message, innerException) { Problems = []; }

    public IReadOnlyList<ConfigProblem> Problems { get; }
}
