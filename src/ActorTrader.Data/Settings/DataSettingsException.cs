using ActorTrader.Hocon;

namespace ActorTrader.Data.Settings;

/// <summary>The <c>actortrader.data</c> section has problems; <see cref="Problems"/> lists each with its position and fix.</summary>
public sealed class DataSettingsException : Exception
{
    public DataSettingsException(IReadOnlyList<ConfigProblem> problems)
        : base(string.Join(Environment.NewLine, (problems ?? []).Select(p => p.ToString())))
    {
        Problems = problems ?? [];
    }

    public DataSettingsException() : this([]) { }

    public DataSettingsException(string message) : base(message) { Problems = []; }

    public DataSettingsException(string message, Exception innerException) : base(message, innerException) { Problems = []; }

    public IReadOnlyList<ConfigProblem> Problems { get; }
}
