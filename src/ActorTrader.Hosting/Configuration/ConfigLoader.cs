using ActorTrader.Hocon;

namespace ActorTrader.Hosting.Configuration;

/// <summary>
/// Loads a node's configuration: the embedded reference.conf as the fallback, the node file over it,
/// then environment overrides, then <c>--set</c> overrides. Every failure names the file, line and column.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Loads and merges all layers; throws <see cref="ConfigLoadException"/> with positioned problems.</summary>
    public static LoadedConfig Load(ConfigSources sources)
    {
        var layers = LoadLayers(sources);
        if (layers.Problems.Count > 0) throw new ConfigLoadException(layers.Problems);
        return layers.ToLoadedConfig(sources.WorkingDirectory);
    }

    /// <summary>Parses every layer separately, collecting problems instead of stopping at the first.</summary>
    public static ConfigLayers LoadLayers(ConfigSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var environment = sources.EffectiveEnvironment();
        var variables = ReferenceConfig.ToEnvironment(environment);
        var problems = new List<ConfigProblem>();
        var reference = ReferenceConfig.Load(environment);

        var (nodeFile, chosenBy) = sources.ResolveNodeFile();
        Config? node = null;
        if (!File.Exists(nodeFile))
        {
            problems.Add(new ConfigProblem(null, null,
                $"The node configuration file {nodeFile} (chosen by {chosenBy}) does not exist.",
                "Pass --config with an existing file, or run from the repository root where hocon/node.conf is."));
        }
        else
        {
            try
            {
                node = ConfigurationFactory.ParseFile(nodeFile, new HoconParseOptions
                {
                    Environment = variables,
                    SourceName = nodeFile,
                    BaseDirectory = Path.GetDirectoryName(nodeFile),
                });
            }
            catch (HoconException e)
            {
                problems.Add(ConfigProblem.FromHocon(e, nodeFile, "Correct the syntax at that position (see hocon/reference.conf for examples)."));
            }
        }

        var overrides = new List<(ConfigOverride Override, Config Config)>();
        var all = ConfigOverride.FromEnvironment(environment).ToList();
        foreach (var set in sources.Sets)
        {
            try
            {
                all.Add(ConfigOverride.FromSetArgument(set));
            }
            catch (ArgumentException e)
            {
                // The message reads "what is wrong. Fix: what to do (Parameter 'argument')".
                var text = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
                var parts = text.Split(" Fix: ", 2);
                problems.Add(new ConfigProblem(null, null, parts[0], parts.Length == 2 ? parts[1] : "Write it as --set actortrader.management.port=8765."));
            }
        }
        foreach (var item in all)
        {
            try
            {
                overrides.Add((item, ConfigurationFactory.ParseString(item.ToHocon(), new HoconParseOptions { Environment = variables, SourceName = item.Origin })));
            }
            catch (HoconException e)
            {
                problems.Add(ConfigProblem.FromHocon(e, item.Origin, $"Give {item.Origin} a valid HOCON value (quote text, write lists as [a, b])."));
            }
        }
        return new ConfigLayers(reference, nodeFile, node, overrides, problems);
    }
}
