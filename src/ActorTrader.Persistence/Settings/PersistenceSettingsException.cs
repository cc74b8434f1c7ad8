using ActorTrader.Hocon;

namespace ActorTrader.Persistence;

/// <summary>Invalid actortrader.persistence settings; the message lists every bad key with its position and fix (<see cref="Problems"/>).</summary>
public sealed class PersistenceSettingsException : Exception
{
    public PersistenceSettingsException(IReadOnlyList<ConfigProblem> problems)
        : base("Invalid persistence settings:" + Environment.NewLine + string.Join(Environment.NewLine, (problems ?? []).Select(p => "  " + p)))
    {
        Problems = problems ?? [];
    }

    public PersistenceSettingsException() => Problems = [];

    public PersistenceSettingsException(string message) : base(message) => Problems = [];

    public PersistenceSettingsException(string message, Exception innerException) : base(message, innerException) => Problems = [];

    /// <summary>Each problem found; empty when the exception was raised with a plain message.</summary>
    public IReadOnlyList<ConfigProblem> Problems { get; }
}
