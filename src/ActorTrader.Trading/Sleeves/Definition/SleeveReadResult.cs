using ActorTrader.Hocon;

namespace ActorTrader.Trading.Sleeves.Definition;

/// <summary>What reading a sleeve file gave: the definition when there was no problem, else null and every problem found.</summary>
public sealed record SleeveReadResult(string Source, SleeveDefinition? Definition, IReadOnlyList<ConfigProblem> Problems)
{
    public bool IsValid => Definition is not null && Problems.Count == 0;

    /// <summary>The definition; throws <see cref="SleeveDefinitionException"/> listing the problems when there is none.</summary>
    public SleeveDefinition Require() => IsValid ? Definition! : throw new SleeveDefinitionException(Source, Problems);
}
