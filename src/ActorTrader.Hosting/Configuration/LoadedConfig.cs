using ActorTrader.Hocon;

namespace ActorTrader.Hosting.Configuration;

/// <summary>A resolved configuration and where its layers came from.</summary>
/// <param name="Config">reference.conf &lt;- node file &lt;- environment &lt;- --set, merged.</param>
/// <param name="NodeFile">The absolute path of the node file.</param>
/// <param name="Layers">One entry per layer, lowest first, e.g. <c>env ACTORTRADER__MANAGEMENT__PORT</c>.</param>
/// <param name="WorkingDirectory">Directory that a relative data directory is resolved against.</param>
public sealed record LoadedConfig(Config Config, string NodeFile, IReadOnlyList<string> Layers, string WorkingDirectory)
{
    /// <summary>The layers as one line, for status output: <c>reference.conf &lt;- /x/node.conf &lt;- --set a.b</c>.</summary>
    public string Description => string.Join(" <- ", Layers);
}
