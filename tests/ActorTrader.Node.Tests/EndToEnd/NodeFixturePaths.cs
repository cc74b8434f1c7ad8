namespace ActorTrader.Node.Tests.EndToEnd;

/// <summary>A temp node configuration (port 0, its own data directory) and the files the node writes.</summary>
internal sealed record NodeFixturePaths(string Root)
{
    public const string NodeName = "e2e";

    /// <summary>The configured overall shutdown timeout; SIGTERM must stop the node within it.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(15);

    public string ConfigFile => Path.Combine(Root, "node.conf");

    public string DataDir => Path.Combine(Root, "data");

    public string EndpointFile => Path.Combine(DataDir, "node.endpoint.json");

    public string TokenFile => Path.Combine(DataDir, "management.token");

    public string HaltFile => Path.Combine(DataDir, "halt-state.json");

    public string KillSwitchFile => Path.Combine(DataDir, "kill-switch", "HALT");

    public string ErrorsFile => Path.Combine(DataDir, "errors.jsonl");

    public static NodeFixturePaths Create(string root)
    {
        var paths = new NodeFixturePaths(root);
        File.WriteAllText(paths.ConfigFile, $$"""
            actortrader {
              node { name = "{{NodeName}}", data-dir = "{{paths.DataDir}}" }
              management.port = 0
              control.watch-interval = 100ms
              shutdown.timeout = {{(int)ShutdownTimeout.TotalSeconds}}s
              # The phases must fit in the overall timeout (config-check enforces it).
              shutdown.phase-timeouts { before-service-unbind = 2s, stop-intake = 2s, drain = 2s, persist-checkpoints = 2s, before-actor-system-terminate = 2s, actor-system-terminate = 2s }
            }
            """);
        return paths;
    }
}
