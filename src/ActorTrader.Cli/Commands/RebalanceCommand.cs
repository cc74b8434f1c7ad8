using System.CommandLine;
using ActorTrader.Cli.Connection;
using ActorTrader.Cli.Output;
using ActorTrader.Hosting.Management;

namespace ActorTrader.Cli.Commands;

/// <summary><c>actortrader rebalance [--sleeve NAME]</c>: ask for a rebalance now (refused while halted).</summary>
public sealed class RebalanceCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sleeve = new Option<string?>("--sleeve") { Description = "Rebalance only this sleeve (default: all)" };
        var command = new Command("rebalance", "Rebalance all sleeves, or one, now (refused while halted)") { sleeve };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (target, _) = NodeLocator.Locate(context, parse.GetValue(context.ConfigOption));
            using var client = new ManagementClient(target, context);
            var response = await client.PostAsync<ControlResponse>(ManagementRoutes.Rebalance, new RebalanceRequest(parse.GetValue(sleeve)), cancellationToken).ConfigureAwait(false);
            return Render.ControlOutcome(context, response);
        });
        return command;
    }
}
