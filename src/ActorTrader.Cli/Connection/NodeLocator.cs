using System.Diagnostics;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Settings;

namespace ActorTrader.Cli.Connection;

/// <summary>Finds the node a configuration describes: its endpoint file if a node wrote one, else the configured host and port.</summary>
public static class NodeLocator
{
    /// <summary>Loads the configuration and locates the node; throws <see cref="CliException"/> naming the file and the fix.</summary>
    public static (NodeTarget Target, NodeSettings Settings) Locate(CliContext context, string? configFile)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = LoadSettings(context, configFile, out var loaded);
        var management = settings.Management;
        NodeEndpoint? endpoint;
        try
        {
            endpoint = EndpointFile.Read(management.EndpointFile);
        }
        catch (InvalidDataException e)
        {
            throw new CliException(ExitCodes.Problems, e.Message, e);
        }
        if (endpoint is not null)
        {
            // A node that was killed (SIGKILL, power loss) leaves its file behind; its port may belong to someone else by now.
            if (!IsRunning(endpoint.Pid))
                throw new CliException(ExitCodes.NodeNotRunning,
                    $"No node is running: {management.EndpointFile} names process {endpoint.Pid}, which has exited without removing it. Start one with ./run.sh (it replaces the file).");
            return (new NodeTarget(new Uri(endpoint.Url), $"endpoint file {management.EndpointFile}", management.TokenFile, loaded.NodeFile), settings);
        }
        if (management.Port == 0)
            throw new CliException(ExitCodes.NodeNotRunning,
                $"No node is answering: {loaded.NodeFile} sets port 0 and no node has written {management.EndpointFile}. Start one with ./run.sh");
        return (new NodeTarget(management.ConfiguredUrl, loaded.NodeFile, management.TokenFile, loaded.NodeFile), settings);
    }

    private static bool IsRunning(int pid)
    {
        if (pid <= 0) return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            return true;
        }
        catch (ArgumentException)
        {
            // GetProcessById's way of saying "no such process".
            return false;
        }
    }

    /// <summary>Loads and reads the configuration; problems become a <see cref="CliException"/> with exit code 1.</summary>
    public static NodeSettings LoadSettings(CliContext context, string? configFile, out LoadedConfig loaded)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            loaded = ConfigLoader.Load(context.Sources(configFile));
            return NodeSettings.FromConfig(loaded);
        }
        catch (ConfigLoadException e)
        {
            throw new CliException(ExitCodes.Problems, $"The configuration has problems:{Environment.NewLine}{e.Message}{Environment.NewLine}Run `actortrader config-check` for the full list.", e);
        }
    }
}
