using ActorTrader.Actors;
using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Trading.Host.Targets;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Node.Cluster.Sleeves;

/// <summary>
/// Runs a sleeve for the node that trades the account: the item's <see cref="SleeveRunRequest"/> goes to this node's
/// sleeves actor, and the result is the <see cref="SleeveRunResult"/> (outcome and run directory) as JSON. A sleeve
/// that cannot be created, or does not answer within <paramref name="timeout"/>, fails the attempt.
/// </summary>
internal sealed class SleeveRunHandler(IActorRef sleeves, TimeSpan timeout, string node, Serilog.ILogger log) : IWorkHandler
{
    public async Task<string> HandleAsync(ClaimedWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var request = SleeveRunRequest.FromJson(work.Payload);
        var outcome = await sleeves.Ask<SleeveOutcome>(new RunNamedSleeve(request.Sleeve, request.Command), timeout, cancellationToken).ConfigureAwait(false);
        // The outcome is kept here too, so this node's API shows what it ran.
        sleeves.Tell(new SleeveOutcomeRecorded(outcome), ActorRefs.NoSender);
        var result = new SleeveRunResult(outcome, SleeveRunResult.ReadFiles(outcome.RunDirectory));
        log.Information("Sleeve {Sleeve} ran on {Node} for the account core (item {Key}): {Result}", request.Sleeve, node, work.Key,
            outcome.Succeeded ? "succeeded" : $"failed at {outcome.FailureStage}: {outcome.FailureReason}");
        return result.ToJson();
    }
}
