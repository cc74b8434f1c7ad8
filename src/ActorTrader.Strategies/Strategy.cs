using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies;

/// <summary>Base of every strategy with a typed parameter record: validates the untyped set, then calls the typed rule.</summary>
public abstract class Strategy<TParameters> : IStrategy where TParameters : IStrategyParameters<TParameters>
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract StrategyRequirements Requirements { get; }

    public ParameterSpace Parameters => TParameters.Space;

    public SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(parameters);
        TParameters.Space.Validate(parameters, Name);
        return Evaluate(panel, TParameters.From(parameters));
    }

    /// <summary>The rule itself, on typed parameters.</summary>
    public abstract SignalSet Evaluate(PointInTimePanel panel, TParameters parameters);
}
