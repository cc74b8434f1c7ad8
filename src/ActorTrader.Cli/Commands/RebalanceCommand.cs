using System.CommandLine;
using ActorTrader.Cli.Connection;
using ActorTrader.Cli.Output;
using ActorTrader.Hosting.Management;

namespace ActorTrader.Cli.Commands;

/// <summary>
/// <c>actortrader rebalance [--sleeve NAME]</c>: ask for a rebalance now (refused while halted); in a cluster the command
/// goes through the control log to the node that holds the account. <c>--cluster</c> makes the trader nodes place the
/// sleeves again over the current members.
/// </summary>
public sealed class RebalanceCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sleeve = new Option<string?>("--sleeve") { Description = "Rebalance only this sleeve (default: all)" };
        var cluster = new Option<bool>("--cluster") { Description = "In a cluster: distribute the sleeves over the trader nodes again" };
        var command = new Command("rebalance", "Rebalance all sleeves, or one, now (refused while halted)") { sleeve, cluster };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (target, _) = NodeLocator.Locate(context, parse.GetValue(context.ConfigOption));
            using var client = new ManagementClient(target, context);
            var response = await client.PostAsync<ControlResponse>(ManagementRoutes.Rebalance, new RebalanceRequest(parse.GetValue(sleeve), parse.GetValue(cluster)), cancellationToken).ConfigureAwait(false);
            return Render.ControlOutcome(context, response);
        });
        return command;
    }
}
