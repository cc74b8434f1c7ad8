using ActorTrader.Hocon;

namespace ActorTrader.Backtest.Settings;

/// <summary>The <c>actortrader.backtest</c> section has problems; <see cref="Problems"/> lists each with its position and fix.</summary>
public sealed class BacktestSettingsException : Exception
{
    public BacktestSettingsException(IReadOnlyList<ConfigProblem> problems)
        : base(string.Join(Environment.NewLine, (problems ?? []).Select(p => p.ToString())))
    {
        Problems = problems ?? [];
    }

    public BacktestSettingsException() : this([]) { }

    public BacktestSettingsException(string message) : base(message) { Problems = []; }

    public BacktestSettingsException(string message, Exception innerException) : base(message, innerException) { Problems = []; }

    public IReadOnlyList<ConfigProblem> Problems { get; }
}
