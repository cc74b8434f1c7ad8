using ActorTrader.Hocon;

namespace ActorTrader.Trading.Accounts;

/// <summary>The trading-account keys of <c>actortrader.trading</c> have problems; <see cref="Problems"/> lists each with its position and fix.</summary>
public sealed class TradingAccountSettingsException : Exception
{
    public TradingAccountSettingsException(IReadOnlyList<ConfigProblem> problems)
        : base(string.Join(Environment.NewLine, (problems ?? []).Select(p => p.ToString())))
    {
        Problems = problems ?? [];
    }

    public TradingAccountSettingsException() : this([]) { }

    public TradingAccountSettingsException(string message) : base(message) { Problems = []; }

    public TradingAccountSettingsException(string message, Exception innerException) : base(message, innerException) { Problems = []; }

    public IReadOnlyList<ConfigProblem> Problems { get; }
}
