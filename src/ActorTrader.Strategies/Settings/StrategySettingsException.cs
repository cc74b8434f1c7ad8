using ActorTrader.Hocon;

namespace ActorTrader.Strategies.Settings;

/// <summary>Invalid actortrader.strategies settings; the message lists every problem with its position and fix (<see cref="Problems"/>).</summary>
public sealed class StrategySettingsException : Exception
{
    public StrategySettingsException(IReadOnlyList<ConfigProblem> problems)
        : base("Invalid strategy settings:" + Environment.NewLine + string.Join(Environment.NewLine, (problems ?? []).Select(p => "  " + p)))
    {
        Problems = problems ?? [];
    }

    public StrategySettingsException() => Problems = [];

    public StrategySettingsException(string message) : base(message) => Problems = [];

    public StrategySettingsException(string message, Exception innerException) : base(message, innerException) => Problems = [];

    /// <summary>Each problem found; empty when the exception was raised with a plain message.</summary>
    public IReadOnlyList<ConfigProblem> Problems { get; }
}
