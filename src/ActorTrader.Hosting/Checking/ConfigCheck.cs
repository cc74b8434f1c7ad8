using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Settings;

namespace ActorTrader.Hosting.Checking;

/// <summary>
/// The offline preflight behind <c>actortrader config-check</c>: parses every layer, flags unknown keys with
/// the closest known one, checks required keys and value ranges, that the state directories are writable
/// and that a live broker has credentials. Never touches the network.
/// </summary>
public static class ConfigCheck
{
    /// <summary>Every problem found, each with its position and fix; empty means the configuration is fine.</summary>
    public static ConfigCheckReport Run(ConfigSources sources)
    {
        var layers = ConfigLoader.LoadLayers(sources);
        // A layer that does not parse leaves nothing reliable to check further.
        if (layers.Problems.Count > 0) return new ConfigCheckReport(layers.NodeFile, layers.Problems);

        var problems = new List<ConfigProblem>();
        problems.AddRange(UnknownKeys(layers));
        var merged = layers.Merge();
        var (settings, settingProblems) = NodeSettings.Read(merged, sources.WorkingDirectory);
        problems.AddRange(settingProblems);
        problems.AddRange(UnwritableDirectories(settings, merged));
        problems.AddRange(MissingCredentials(settings, merged));
        return new ConfigCheckReport(layers.NodeFile, problems);
    }

    private static IEnumerable<ConfigProblem> UnknownKeys(ConfigLayers layers)
    {
        var known = ReferenceConfig.KnownKeys(layers.Reference);
        foreach (var layer in layers.OperatorLayers())
        {
            foreach (var key in layer.LeafPaths().Where(k => k.StartsWith("actortrader.", StringComparison.Ordinal) && !known.Contains(k)))
            {
                var closest = ClosestKey.Find(key, known);
                yield return new ConfigProblem(key, layer.GetPosition(key),
                    $"Unknown key {key}" + (closest is null ? "." : $"; did you mean {closest}?"),
                    closest is null ? "Remove it." : $"Rename it to {closest}, or remove it (every known key is in hocon/reference.conf).");
            }
        }
    }

    private static IEnumerable<ConfigProblem> UnwritableDirectories(NodeSettings settings, Hocon.Config config)
    {
        var directories = new (string Key, string Directory)[]
        {
            ("actortrader.node.data-dir", settings.Node.DataDir),
            ("actortrader.logging.dir", settings.Logging.Directory),
            ("actortrader.logging.errors-file", Path.GetDirectoryName(settings.Logging.ErrorsFile)!),
            ("actortrader.control.kill-switch-dir", settings.Control.KillSwitchDir),
            ("actortrader.control.halt-file", Path.GetDirectoryName(settings.Control.HaltFile)!),
            ("actortrader.management.token-file", Path.GetDirectoryName(settings.Management.TokenFile)!),
            ("actortrader.management.endpoint-file", Path.GetDirectoryName(settings.Management.EndpointFile)!),
        };
        var reported = new List<string>();
        foreach (var (key, directory) in directories)
        {
            // Directories inside one already reported fail for the same reason; one report is enough.
            if (reported.Any(r => directory == r || directory.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal))) continue;
            if (DirectoryProbe.WhyNotWritable(directory) is not { } reason) continue;
            reported.Add(directory);
            yield return new ConfigProblem(key, config.GetPosition(key),
                $"{key}: the node cannot write to {directory}: {reason}.",
                $"Point {key} at a directory the node's user can create and write, or fix the permissions.");
        }
    }

    private static IEnumerable<ConfigProblem> MissingCredentials(NodeSettings settings, Hocon.Config config)
    {
        var alpaca = settings.Broker.Alpaca;
        if (settings.Broker.Kind != BrokerSettings.AlpacaKind || alpaca.HasCredentials) yield break;
        var missing = string.Join(" and ", new[]
        {
            string.IsNullOrWhiteSpace(alpaca.KeyId) ? "APCA_API_KEY_ID" : null,
            string.IsNullOrWhiteSpace(alpaca.SecretKey) ? "APCA_API_SECRET_KEY" : null,
        }.OfType<string>());
        var account = alpaca.Live ? "a live (real-money) Alpaca account" : "an Alpaca paper account";
        const string key = "actortrader.broker.kind";
        yield return new ConfigProblem(key, config.GetPosition(alpaca.Live ? "actortrader.broker.alpaca.live" : key),
            $"The broker is {account} but {missing} {(missing.Contains(" and ", StringComparison.Ordinal) ? "are" : "is")} not set, so the node could not log in.",
            $"Export {missing} in the node's environment (never in a config file), or set actortrader.broker.kind = paper.");
    }
}
