using ActorTrader.Hocon;

namespace ActorTrader.Brokers.Paper;

/// <summary>The <c>actortrader.broker.paper</c> section has problems; <see cref="Problems"/> lists each with its position and fix.</summary>
public sealed class PaperBrokerSettingsException : Exception
{
    public PaperBrokerSettingsException(IReadOnlyList<ConfigProblem> problems)
        : base(string.Join(Environment.NewLine, (problems ?? []).Select(p => p.ToString())))
    {
        Problems = problems ?? [];
    }

    public PaperBrokerSettingsException() : this([]) { }

    public PaperBrokerSettingsException(string message) : base(message) { Problems = []; }

    public PaperBrokerSettingsException(string message, Exception innerException) : base(message, innerException) { Problems = []; }

    public IReadOnlyList<ConfigProblem> Problems { get; }
}
