using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Cluster.Control;
using ActorTrader.Hosting.Control;
using ActorTrader.Node.Control;
using ActorTrader.Node.Hosting;

namespace ActorTrader.Node.Cluster;

/// <summary>
/// Applies the cluster's control log on this node, one command at a time in log order: halt and resume go to the node's
/// control actor (which journals them, so a node that restarts is still halted), a rebalance goes to the trading day when
/// this node holds the account (a rebalance older than <c>rebalance-max-age</c> is skipped: the node was down when it was
/// sent), and <c>rebalance-cluster</c> redistributes the sleeves. Each command is answered <see cref="ControlCommandApplied"/>
/// once done, so the control bus advances this node's cursor; the bus delivers at least once across a crash, and
/// halt, resume and rebalance are idempotent (a second halt keeps the first, a re-run rebalance places nothing twice).
/// </summary>
internal sealed class ClusterControlApplier : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly NodeContext _node;
    private readonly AppliedControlCommands _applied;
    private readonly TimeSpan _rebalanceMaxAge;
    private readonly IActorRef? _placement;

    public ClusterControlApplier(NodeContext node, AppliedControlCommands applied, TimeSpan rebalanceMaxAge, IActorRef? placement)
    {
        _node = node;
        _applied = applied;
        _rebalanceMaxAge = rebalanceMaxAge;
        _placement = placement;
        ReceiveAsync<ApplyControlCommand>(ApplyAsync);
    }

    public static Props CreateProps(NodeContext node, AppliedControlCommands applied, TimeSpan rebalanceMaxAge, IActorRef? placement) =>
        Props.Create(() => new ClusterControlApplier(node, applied, rebalanceMaxAge, placement));

    private async Task ApplyAsync(ApplyControlCommand apply)
    {
        var command = apply.Command;
        var replyTo = Sender;
        if (command.Id <= _applied.LastApplied)
        {
            // Delivered again after a crash between applying and advancing the cursor: already done here.
            replyTo.Tell(new ControlCommandApplied(command.Id), Self);
            return;
        }
        string outcome;
        try
        {
            outcome = await RunAsync(command).ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            _log.Warning("Control command #{Id} {Command} could not be applied yet: {Error}; the bus delivers it again", command.Id, command.Command, e.Message);
            replyTo.Tell(new ControlCommandFailed(command.Id, e.Message), Self);
            return;
        }
        _applied.Applied(command.Id);
        _log.Info("Control command #{Id} {Command} from {IssuedBy} applied: {Outcome}", command.Id, command.Command, command.IssuedBy, outcome);
        replyTo.Tell(new ControlCommandApplied(command.Id), Self);
    }

    private async Task<string> RunAsync(ControlCommand command)
    {
        var timeout = _node.Settings.Actors.AskTimeout;
        var by = $"{command.IssuedBy} (cluster command #{command.Id.ToString(CultureInfo.InvariantCulture)})";
        switch (command.Command)
        {
            case ClusterCommands.Halt:
            {
                var reason = command.Arguments.GetValueOrDefault("reason") ?? "halted through the cluster";
                var flatten = command.Arguments.GetValueOrDefault("flatten") == "true";
                var result = await _node.Control.Ask<ControlResult>(new Halt(reason, HaltState.ByOperator + " via " + by, null, flatten), timeout).ConfigureAwait(false);
                return result.Message;
            }
            case ClusterCommands.Resume:
            {
                var result = await _node.Control.Ask<ControlResult>(new Resume(), timeout).ConfigureAwait(false);
                return result.Message;
            }
            case ClusterCommands.Rebalance:
            {
                var age = Context.System.Scheduler.Now - command.IssuedAt;
                if (age > _rebalanceMaxAge)
                    return $"skipped: sent {age.TotalMinutes:0.#} min ago, older than actortrader.cluster.rebalance-max-age";
                if (_node.Trading is not { } trading) return "no trading core on this node";
                var sleeve = command.Arguments.GetValueOrDefault("sleeve");
                var control = await _node.Control.Ask<ControlResult>(new Rebalance(sleeve), timeout).ConfigureAwait(false);
                if (!control.Accepted) return control.Message;
                var (_, message) = await trading.RebalanceAsync(sleeve, TimeSpan.FromSeconds(60), CancellationToken.None).ConfigureAwait(false);
                return message;
            }
            case ClusterCommands.RebalanceCluster:
                _placement?.Tell(RedistributeSleeves.Instance, Self);
                return _placement is null ? "no sleeve placement on this node" : "sleeves redistributed";
            default:
                // A command a newer node knows: skipping it must not stop the bus for the commands after it.
                return $"unknown command '{command.Command}', skipped";
        }
    }
}
