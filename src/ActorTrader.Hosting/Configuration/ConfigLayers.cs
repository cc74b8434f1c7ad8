using ActorTrader.Hocon;

namespace ActorTrader.Hosting.Configuration;

/// <summary>The parsed layers of a configuration, kept apart so config-check can tell which keys the operator wrote.</summary>
/// <param name="Reference">The embedded reference.conf.</param>
/// <param name="NodeFile">The absolute path of the node file.</param>
/// <param name="Node">The parsed node file; null if it is missing or malformed (see <paramref name="Problems"/>).</param>
/// <param name="Overrides">Environment and <c>--set</c> overrides in the order they apply.</param>
/// <param name="Problems">What went wrong while parsing; empty when every layer parsed.</param>
public sealed record ConfigLayers(
    Config Reference,
    string NodeFile,
    Config? Node,
    IReadOnlyList<(ConfigOverride Override, Config Config)> Overrides,
    IReadOnlyList<ConfigProblem> Problems)
{
    /// <summary>The layers the operator wrote (node file and overrides), without the reference defaults.</summary>
    public IEnumerable<Config> OperatorLayers()
    {
        if (Node is not null) yield return Node;
        foreach (var (_, config) in Overrides) yield return config;
    }

    /// <summary>All layers merged, later ones winning.</summary>
    public Config Merge()
    {
        var merged = Node is null ? Reference : Node.WithFallback(Reference);
        foreach (var (_, config) in Overrides) merged = config.WithFallback(merged);
        return merged;
    }

    internal LoadedConfig ToLoadedConfig(string workingDirectory)
    {
        var layers = new List<string> { ReferenceConfig.ResourceName, NodeFile };
        layers.AddRange(Overrides.Select(o => o.Override.Origin));
        return new LoadedConfig(Merge(), NodeFile, layers, workingDirectory);
    }
}
