using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Genetics;

/// <summary>
/// One individual of a population: a strategy's typed parameter set, every value inside the range its strategy
/// declares (<see cref="ParameterSpace"/>). Built only through <see cref="Create"/>, which rejects out-of-range values
/// with the parameter, the value and the allowed range named.
/// </summary>
public sealed record Genome
{
    private Genome(string strategy, ParameterSet parameters)
    {
        Strategy = strategy;
        Parameters = parameters;
    }

    public string Strategy { get; }

    public ParameterSet Parameters { get; }

    /// <summary>A stable text key (strategy + parameters in name order, round-trip numbers): equal genomes, equal keys.</summary>
    public string Key => $"{Strategy}{{{Parameters}}}";

    /// <summary>The genome, or <see cref="GenomeOutOfRangeException"/> naming every value outside <paramref name="space"/>.</summary>
    public static Genome Create(string strategy, ParameterSet parameters, ParameterSpace space)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(space);
        var problems = space.Problems(parameters);
        if (problems.Count > 0) throw new GenomeOutOfRangeException(strategy, problems);
        return new Genome(strategy, parameters);
    }
}

/// <summary>A genome with values outside its strategy's declared ranges; the message lists each one and the range.</summary>
public sealed class GenomeOutOfRangeException(string strategy, IReadOnlyList<string> problems)
    : ArgumentException($"Genome for strategy {strategy} is out of range: {string.Join(" ", problems)} Fix: keep every parameter inside the range `actortrader strategies` lists.")
{
    public string Strategy { get; } = strategy;

    public IReadOnlyList<string> Problems { get; } = problems;
}
