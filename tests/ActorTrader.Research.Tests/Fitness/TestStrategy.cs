using ActorTrader.Domain.Bars;
using ActorTrader.Research.Genetics;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Research.Tests.Fitness;

/// <summary>
/// Small strategies for evaluator tests: each holds the first symbol on odd decision bars and is flat on even ones (so it
/// trades every bar), and <see cref="Throwing"/> or <see cref="Tripwire"/> fail on purpose.
/// </summary>
internal sealed class TestStrategy(string name, Func<PointInTimePanel, Exception?> failure) : IStrategy
{
    public static ParameterSpace Space { get; } = new([ParameterRange.WholeNumber("size", 1, 10, 5, "Tenths of the book held.")]);

    public string Name { get; } = name;

    public string Description => "Test strategy: alternates between long and flat.";

    public StrategyRequirements Requirements { get; } = new(Timeframe.Day1, MinimumHistory: 1);

    public ParameterSpace Parameters => Space;

    /// <summary>Alternates long and flat, never fails.</summary>
    public static TestStrategy Alternating() => new("alternating", _ => null);

    /// <summary>Throws on every decision.</summary>
    public static TestStrategy Throwing() => new("throwing", _ => new InvalidOperationException("the rule divided by zero"));

    /// <summary>Throws when asked to decide at or after <paramref name="time"/>: proof that nothing later was replayed.</summary>
    public static TestStrategy Tripwire(DateTimeOffset time) =>
        new("tripwire", p => p.DecisionTime >= time ? new InvalidOperationException($"decided at {p.DecisionTime:O}, at or after the tripwire {time:O}") : null);

    public Genome Genome(int size = 5) => Research.Genetics.Genome.Create(Name, new ParameterSet([KeyValuePair.Create("size", (double)size)]), Space);

    public SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(parameters);
        if (failure(panel) is { } error) throw error;
        return panel.Now % 2 == 1
            ? new SignalSet(panel.DecisionTime, [new StrategySignal(panel.Symbols[0], parameters["size"] / 10)])
            : SignalSet.Flat(panel.DecisionTime);
    }
}
