using ActorTrader.Data.Settings;
using ActorTrader.Hocon;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Research.Settings;
using ActorTrader.Strategies.Settings;

namespace ActorTrader.Node.Research;

/// <summary>
/// What role research reads from the node's configuration: <c>actortrader.research</c>, the data section (where stored bars
/// come from) and the strategies section (the incumbent parameters a candidate must beat).
/// </summary>
internal sealed record NodeResearchSettings(ResearchSettings Research, DataSettings Data, StrategySettings Strategies)
{
    /// <summary>The role (<c>actortrader.node.roles</c>) that makes a node host research.</summary>
    public const string Role = "research";

    /// <summary>Reads the three sections; throws <see cref="ConfigLoadException"/> listing every problem with its position and fix.</summary>
    public static NodeResearchSettings Read(LoadedConfig loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var (research, researchProblems) = ResearchSettings.Read(loaded.Config);
        var (data, dataProblems) = DataSettings.Read(loaded.Config, loaded.WorkingDirectory);
        var (strategies, strategyProblems) = StrategySettings.Read(loaded.Config);
        List<ConfigProblem> problems = [.. researchProblems, .. dataProblems, .. strategyProblems];
        if (problems.Count > 0) throw new ConfigLoadException(problems);
        return new NodeResearchSettings(research, data, strategies);
    }
}
