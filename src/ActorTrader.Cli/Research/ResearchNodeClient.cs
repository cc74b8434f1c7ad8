using ActorTrader.Cli.Connection;
using ActorTrader.Hosting.Management;

namespace ActorTrader.Cli.Research;

/// <summary>
/// The running node the research commands talk to when it has role research (found as every node command finds it: the
/// endpoint file, else the configured port). When no node answers, or the node does not run research or runs a replay
/// (then a note says so on standard error), there is none and the commands run the research actors in this process over
/// the journal.
/// </summary>
internal sealed class ResearchNodeClient : IDisposable
{
    /// <summary>The role (actortrader.node.roles) of a node that hosts research.</summary>
    public const string ResearchRole = "research";

    private ResearchNodeClient(ManagementClient client, NodeTarget target, string node)
    {
        Client = client;
        Target = target;
        Node = node;
    }

    public ManagementClient Client { get; }

    public NodeTarget Target { get; }

    /// <summary>The node's name.</summary>
    public string Node { get; }

    /// <summary>The research node, or null when the command should run research in this process.</summary>
    public static async Task<ResearchNodeClient?> ConnectAsync(CliContext context, string? configFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        NodeTarget target;
        try
        {
            (target, _) = NodeLocator.Locate(context, configFile);
        }
        catch (CliException e) when (e.ExitCode == ExitCodes.NodeNotRunning)
        {
            return null;
        }
        var client = new ManagementClient(target, context);
        try
        {
            var status = await client.GetAsync<NodeStatus>(ManagementRoutes.Status, cancellationToken).ConfigureAwait(false);
            // A replay runs no research (its journal is its own), so research here does not compete with the node for the journal.
            var replay = status.Trading is { Mode: "replay" };
            if (status.Roles.Contains(ResearchRole, StringComparer.Ordinal) && !replay)
            {
                var connected = new ResearchNodeClient(client, target, status.Node);
                client = null;
                return connected;
            }
            var why = replay ? "runs a replay, which runs no research" : $"does not run research (roles: {string.Join(", ", status.Roles)})";
            await context.Error.WriteLineAsync($"Node {status.Node} at {target.Url} {why}; running research in this process over the journal.").ConfigureAwait(false);
            return null;
        }
        catch (CliException e) when (e.ExitCode == ExitCodes.NodeNotRunning)
        {
            return null;
        }
        finally
        {
            client?.Dispose();
        }
    }

    public void Dispose() => Client.Dispose();
}
