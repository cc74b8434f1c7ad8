namespace ActorTrader.Strategies.Parameters;

/// <summary>
/// A strategy's typed parameter record: declares its <see cref="Space"/> and converts to and from the untyped
/// <see cref="ParameterSet"/> that research and HOCON use.
/// </summary>
public interface IStrategyParameters<TSelf> where TSelf : IStrategyParameters<TSelf>
{
    static abstract ParameterSpace Space { get; }

    /// <summary>The typed record for a set already validated against <see cref="Space"/>.</summary>
    static abstract TSelf From(ParameterSet set);

    ParameterSet ToSet();
}
