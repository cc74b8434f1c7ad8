using ActorTrader.Actors;
using ActorTrader.Hosting.Control;
using ActorTrader.Node.Cluster;
using ActorTrader.Node.Control;
using ActorTrader.Node.Hosting;
using Microsoft.AspNetCore.Http;

namespace ActorTrader.Node.Management;

/// <summary>
/// Halt, resume and rebalance on a cluster node: the command is written to the durable control log (every node applies
/// it, also one that is down now, when it comes back), and the answer waits until this node applied it too.
/// </summary>
internal static class ClusterControl
{
    public static async Task<IResult> HaltAsync(NodeContext node, NodeCluster cluster, string reason, bool flatten)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["reason"] = reason, ["flatten"] = flatten ? "true" : "false" };
        var (id, applied) = await SendAsync(node, cluster, ClusterCommands.Halt, arguments).ConfigureAwait(false);
        var state = await StateAsync(node).ConfigureAwait(false);
        var message = applied
            ? $"Halted cluster-wide (control command #{id}): {state.Reason}{(flatten ? "; closing every position (flatten)" : "")}. Every node applies it, the one holding the account stops trading."
            : $"Halt sent to the cluster as control command #{id}; this node has not applied it yet (see actortrader status).";
        return ManagementApi.Answer(true, message, state);
    }

    public static async Task<IResult> ResumeAsync(NodeContext node, NodeCluster cluster)
    {
        var (id, applied) = await SendAsync(node, cluster, ClusterCommands.Resume, new Dictionary<string, string>(StringComparer.Ordinal)).ConfigureAwait(false);
        var state = await StateAsync(node).ConfigureAwait(false);
        if (!applied) return ManagementApi.Answer(true, $"Resume sent to the cluster as control command #{id}; this node has not applied it yet.", state);
        return state.Halted
            ? ManagementApi.Answer(false, $"Resume (control command #{id}) applied, but this node stays halted: {state.Reason}. Fix: remove the kill switch's HALT file on this node, then resume again.", state)
            : ManagementApi.Answer(true, $"Resumed cluster-wide (control command #{id}); each node's trading gate still needs reconciliation and risk to allow trading.", state);
    }

    public static async Task<IResult> RebalanceAsync(NodeContext node, NodeCluster cluster, string? sleeve, bool redistribute)
    {
        var state = await StateAsync(node).ConfigureAwait(false);
        if (redistribute)
        {
            var (placed, _) = await SendAsync(node, cluster, ClusterCommands.RebalanceCluster, new Dictionary<string, string>(StringComparer.Ordinal)).ConfigureAwait(false);
            return ManagementApi.Answer(true, $"Sleeve redistribution sent to the cluster (control command #{placed}); every trader node places the sleeves again over the current members.", state);
        }
        if (state.Halted)
            return ManagementApi.Answer(false, $"Refused: rebalance while halted since {state.Since:u} ({state.Reason}). Fix: actortrader resume first.", state);
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        if (sleeve is not null) arguments["sleeve"] = sleeve;
        var (id, _) = await SendAsync(node, cluster, ClusterCommands.Rebalance, arguments).ConfigureAwait(false);
        var target = sleeve is null ? "all sleeves" : $"sleeve {sleeve}";
        return ManagementApi.Answer(true, $"Rebalance of {target} sent to the cluster as control command #{id}; the node holding the account runs it (see actortrader orders).", state);
    }

    private static async Task<(long Id, bool Applied)> SendAsync(NodeContext node, NodeCluster cluster, string command, IReadOnlyDictionary<string, string> arguments)
    {
        var sent = await cluster.ControlLog.AppendAsync(command, arguments, node.Settings.Node.Name, CancellationToken.None).ConfigureAwait(false);
        var applied = await cluster.Applied.WaitAsync(sent.Id, node.Settings.Actors.AskTimeout * 2, CancellationToken.None).ConfigureAwait(false);
        return (sent.Id, applied);
    }

    private static Task<HaltState> StateAsync(NodeContext node) => node.Control.Ask<HaltState>(GetHaltState.Instance, node.Settings.Actors.AskTimeout);

}
