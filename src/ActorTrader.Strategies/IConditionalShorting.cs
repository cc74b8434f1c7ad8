using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Strategies;

/// <summary>
/// A strategy that sells short only with some parameter values (e.g. <c>direction = both</c>), so whether it needs a
/// margin account depends on its settings rather than on <see cref="StrategyRequirements.NeedsMargin"/> alone.
/// </summary>
public interface IConditionalShorting
{
    /// <summary>The parameter that makes <paramref name="parameters"/> short, or null when they never short.</summary>
    ShortingSetting? ShortsWith(ParameterSet parameters);
}

/// <summary>The parameter (and its value) that makes a strategy short, and the value that keeps it long-only.</summary>
public sealed record ShortingSetting(string Parameter, string Value, string LongOnlyValue);
