using ActorTrader.Research.Discovery;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Genetics;

/// <summary>
/// One individual of a population: a strategy's typed parameter set, every value inside the range its strategy
/// declares (<see cref="ParameterSpace"/>), built through <see cref="Create"/>, which rejects out-of-range values with the
/// parameter, the value and the allowed range named; or, in the discovery population (GP), a discovered
/// <see cref="TradingRule"/> with no parameters, built through <see cref="ForRule"/>.
/// </summary>
public sealed record Genome
{
    private Genome(string strategy, ParameterSet parameters, TradingRule? rule)
    {
        Strategy = strategy;
        Parameters = parameters;
        Rule = rule;
    }

    public string Strategy { get; }

    public ParameterSet Parameters { get; }

    /// <summary>The discovered rule of a discovery genome (its <see cref="Parameters"/> are then empty); null for a parameter genome.</summary>
    public TradingRule? Rule { get; }

    /// <summary>
    /// A stable text key (strategy + parameters in name order, round-trip numbers; or strategy + the rule's canonical
    /// text): equal genomes, equal keys.
    /// </summary>
    public string Key => Rule is null ? $"{Strategy}{{{Parameters}}}" : $"{Strategy}{{{Rule}}}";

    /// <summary>The genome, or <see cref="GenomeOutOfRangeException"/> naming every value outside <paramref name="space"/>.</summary>
    public static Genome Create(string strategy, ParameterSet parameters, ParameterSpace space)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(space);
        var problems = space.Problems(parameters);
        if (problems.Count > 0) throw new GenomeOutOfRangeException(strategy, problems);
        return new Genome(strategy, parameters, null);
    }

    /// <summary>The genome of the discovered <paramref name="rule"/> in population <paramref name="strategy"/> (no parameters).</summary>
    public static Genome ForRule(string strategy, TradingRule rule)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        ArgumentNullException.ThrowIfNull(rule);
        return new Genome(strategy, ParameterSet.Empty, rule);
    }
}

/// <summary>A genome with values outside its strategy's declared ranges; the message lists each one and the range.</summary>
public sealed class GenomeOutOfRangeException(string strategy, IReadOnlyList<string> problems)
    : ArgumentException($"Genome for strategy {strategy} is out of range: {string.Join(" ", problems)} Fix: keep every parameter inside the range `actortrader strategies` lists.")
{
    public string Strategy { get; } = strategy;

    public IReadOnlyList<string> Problems { get; } = problems;
}
