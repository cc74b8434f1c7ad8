using System.CommandLine;
using ActorTrader.Cli.Connection;
using ActorTrader.Cli.Output;
using ActorTrader.Hosting.Management;

namespace ActorTrader.Cli.Commands;

/// <summary>
/// <c>actortrader halt --reason "…" [--flatten]</c>: stop trading at once (no new orders, open orders cancelled); with
/// <c>--flatten</c> also close every position. Durable until <c>resume</c>.
/// </summary>
public sealed class HaltCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reason = new Option<string>("--reason") { Description = "Why trading is halted (kept in the halt state and logs)", Required = true };
        var flatten = new Option<bool>("--flatten") { Description = "Also close every position with market orders (sleeve operator)" };
        var command = new Command("halt", "Halt trading now: no new orders, open orders cancelled; stays halted across restarts until resume") { reason, flatten };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(reason);
            if (string.IsNullOrWhiteSpace(text)) throw new CliException(ExitCodes.Usage, "--reason is empty. Fix: say why, e.g. --reason \"broker outage\".");
            var (target, _) = NodeLocator.Locate(context, parse.GetValue(context.ConfigOption));
            using var client = new ManagementClient(target, context);
            var response = await client.PostAsync<ControlResponse>(ManagementRoutes.Halt, new HaltRequest(text, parse.GetValue(flatten)), cancellationToken).ConfigureAwait(false);
            return Render.ControlOutcome(context, response);
        });
        return command;
    }
}
