using ActorTrader.Cluster.Leases;
using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Data.Runs;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Node.Cluster.Sleeves;

/// <summary>
/// Sleeve runs over the cluster's tables: the owner of a sleeve is the holder of its lease <c>sleeve/&lt;name&gt;</c>;
/// a run on another node is an item on that node's queue <c>sleeve-runs@&lt;node&gt;</c>. A done item's run directory is
/// written into this node's run directory (the outcome then names the local one) and the item is deleted; an item whose
/// node no longer holds the sleeve's lease before it is done, or that died, is deleted and abandoned.
/// </summary>
internal sealed class ClusterSleeveRuns(LeaseStore leases, WorkQueue work, string holder, RunArtifacts artifacts, int maxAttempts = 2) : IRemoteSleeveRuns
{
    /// <summary>The lease of a sleeve's owner.</summary>
    public static string LeaseOf(string sleeve) => "sleeve/" + sleeve;

    /// <summary>The node name of a lease holder ('&lt;node&gt;#&lt;incarnation&gt;').</summary>
    public static string NodeOf(string holder)
    {
        var hash = holder.LastIndexOf('#');
        return hash < 0 ? holder : holder[..hash];
    }

    public async Task<string?> RemoteOwnerAsync(string sleeve, CancellationToken cancellationToken)
    {
        var lease = await leases.ReadAsync(LeaseOf(sleeve), cancellationToken).ConfigureAwait(false);
        if (lease is not { Held: true, Holder: { } owner } || owner == holder) return null;
        return NodeOf(owner);
    }

    public Task SubmitAsync(string node, SleeveRunRequest request, CancellationToken cancellationToken) =>
        work.EnqueueAsync(SleeveRunRequest.QueueOf(node), [new WorkRequest(request.Key, request.ToJson(), maxAttempts)], cancellationToken);

    public async Task<RemoteSleeveRun> PollAsync(string node, SleeveRunRequest request, CancellationToken cancellationToken)
    {
        var queue = SleeveRunRequest.QueueOf(node);
        var outcomes = await work.ReadOutcomesAsync(queue, [request.Key], cancellationToken).ConfigureAwait(false);
        if (!outcomes.TryGetValue(request.Key, out var item)) return RemoteSleeveRun.Abandoned($"the item {request.Key} left queue {queue}");
        if (item.Status == WorkStatus.Done)
        {
            SleeveOutcome outcome;
            try
            {
                outcome = Collect(item.Result ?? throw new FormatException($"The done item {request.Key} of queue {queue} has no result."), request);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                return await AbandonAsync(queue, request, $"its result cannot be used here: {e.Message}", cancellationToken).ConfigureAwait(false);
            }
            await work.DeleteAsync(queue, [request.Key], cancellationToken).ConfigureAwait(false);
            return RemoteSleeveRun.Done(outcome);
        }
        if (item.Status == WorkStatus.Dead) return await AbandonAsync(queue, request, $"the run died on {node}: {item.Error}", cancellationToken).ConfigureAwait(false);
        var lease = await leases.ReadAsync(LeaseOf(request.Sleeve), cancellationToken).ConfigureAwait(false);
        if (lease is not { Held: true, Holder: { } owner } || NodeOf(owner) != node)
            return await AbandonAsync(queue, request, $"{node} no longer holds {LeaseOf(request.Sleeve)}", cancellationToken).ConfigureAwait(false);
        return RemoteSleeveRun.Pending;
    }

    /// <summary>The outcome of a done item, its run directory written into this node's.</summary>
    private SleeveOutcome Collect(string json, SleeveRunRequest request)
    {
        var result = SleeveRunResult.FromJson(json);
        if (result.Files is null) return result.Outcome;
        var directory = SleeveRunDirectory.Create(artifacts, result.Outcome.RunId, result.Outcome.Sleeve, shared: request.RunId is not null);
        result.WriteFiles(directory);
        return result.Outcome with { RunDirectory = directory };
    }

    private async Task<RemoteSleeveRun> AbandonAsync(string queue, SleeveRunRequest request, string reason, CancellationToken cancellationToken)
    {
        await work.DeleteAsync(queue, [request.Key], cancellationToken).ConfigureAwait(false);
        return RemoteSleeveRun.Abandoned(reason);
    }
}
