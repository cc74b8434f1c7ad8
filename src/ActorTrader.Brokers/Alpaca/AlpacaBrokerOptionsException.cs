using ActorTrader.Hocon;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>The <c>actortrader.broker.alpaca</c> section has problems; <see cref="Problems"/> lists each with its position and fix.</summary>
public sealed class AlpacaBrokerOptionsException : Exception
{
    public AlpacaBrokerOptionsException(IReadOnlyList<ConfigProblem> problems)
        : base(string.Join(Environment.NewLine, (problems ?? []).Select(p => p.ToString())))
    {
        Problems = problems ?? [];
    }

    public AlpacaBrokerOptionsException() : this([]) { }

    public AlpacaBrokerOptionsException(string message) : base(message) { Problems = []; }

    public AlpacaBrokerOptionsException(string message, Exception innerException) : base(message, innerException) { Problems = []; }

    public IReadOnlyList<ConfigProblem> Problems { get; }
}
