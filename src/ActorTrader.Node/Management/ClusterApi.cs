using ActorTrader.Actors;
using ActorTrader.Cluster.Control;
using ActorTrader.Cluster.Membership;
using ActorTrader.Hosting.Management;
using ActorTrader.Node.Cluster;
using ActorTrader.Node.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActorTrader.Node.Management;

/// <summary><c>GET /api/cluster</c>: the members as this node sees them, the leases and their holders, the control bus and the sleeve placement.</summary>
internal static class ClusterApi
{
    public static void Map(IEndpointRouteBuilder api, NodeContext node)
    {
        api.MapGet(ManagementRoutes.Cluster, async (CancellationToken ct) => await ReadAsync(node, ct).ConfigureAwait(false) is { } view
            ? Results.Json(view, ManagementJson.Options)
            : Results.Json(new ApiError("This node is not in a cluster (actortrader.cluster.enabled = off)."), ManagementJson.Options, statusCode: StatusCodes.Status404NotFound));
    }

    /// <summary>The cluster as this node sees it; null when the node is not in a cluster (the dashboard's cluster panel reads it too).</summary>
    public static async Task<ClusterView?> ReadAsync(NodeContext node, CancellationToken ct)
    {
        if (node.Cluster is not { } cluster || cluster.Membership is null || cluster.ControlBus is null) return null;
        var timeout = node.Settings.Actors.AskTimeout;
        var members = await cluster.Membership.Ask<CurrentClusterState>(GetClusterState.Instance, timeout, ct).ConfigureAwait(false);
        var bus = await cluster.ControlBus.Ask<ControlBusState>(GetControlBusState.Instance, timeout, ct).ConfigureAwait(false);
        var leases = await cluster.Leases.ListAsync(ct).ConfigureAwait(false);
        IReadOnlyDictionary<string, string> sleeves = new Dictionary<string, string>(StringComparer.Ordinal);
        if (cluster.Placement is { } placement) sleeves = (await placement.Ask<SleevePlacementView>(GetSleevePlacement.Instance, timeout, ct).ConfigureAwait(false)).Sleeves;
        return new ClusterView(
            node.Settings.Node.Name,
            [.. members.Members.OrderBy(m => m.NodeName, StringComparer.Ordinal).Select(m => new ClusterMemberView(m.NodeName, m.Status.ToString().ToLowerInvariant(), m.Address, m.Roles, m.Version, m.StartedAt, m.HeartbeatAt))],
            [.. leases.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => new ClusterLeaseView(l.Name, l.Held ? HolderNode(l.Holder) : null, l.Epoch, l.ExpiresAt, l.Held))],
            bus.LastApplied,
            bus.Listening,
            new SortedDictionary<string, string>(sleeves.ToDictionary(), StringComparer.Ordinal));
    }

    // Holders are "node#incarnation"; operators read the node.
    private static string? HolderNode(string? holder) => holder?.Split('#')[0];
}
