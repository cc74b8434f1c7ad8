using System.CommandLine;
using ActorTrader.Cli.Connection;
using ActorTrader.Cli.Output;
using ActorTrader.Hosting.Management;

namespace ActorTrader.Cli.Commands;

/// <summary><c>actortrader resume</c>: clear the halt (refused while the HALT file exists).</summary>
public sealed class ResumeCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("resume", "Resume trading after a halt (refused while a HALT file is in the kill-switch directory)");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (target, _) = NodeLocator.Locate(context, parse.GetValue(context.ConfigOption));
            using var client = new ManagementClient(target, context);
            var response = await client.PostAsync<ControlResponse>(ManagementRoutes.Resume, new { }, cancellationToken).ConfigureAwait(false);
            return Render.ControlOutcome(context, response);
        });
        return command;
    }
}
