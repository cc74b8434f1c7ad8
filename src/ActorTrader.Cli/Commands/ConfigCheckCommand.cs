using System.CommandLine;
using ActorTrader.Hosting.Checking;

namespace ActorTrader.Cli.Commands;

/// <summary>
/// <c>actortrader config-check [--config F]</c>: offline preflight (<see cref="ConfigCheck"/>, the trading sections
/// included). Exit 0 when the configuration is fine, 1 when it has problems, each printed with its position and fix.
/// Makes no network call.
/// </summary>
public sealed class ConfigCheckCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("config-check", "Check a configuration offline: syntax, unknown keys, ranges (node, persistence, data, sleeves, meta, risk, paper broker, trading account, ledger, backup, trading day, research), writable directories, credentials, scanner and sleeve files");
        command.SetAction(async parse =>
        {
            var report = ConfigCheck.Run(context.Sources(parse.GetValue(context.ConfigOption)));
            if (report.IsClean)
            {
                await context.Out.WriteLineAsync($"OK: {report.NodeFile} has no problems.").ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            foreach (var problem in report.Problems)
            {
                await context.Out.WriteLineAsync($"{problem.Location}: {problem.Message}").ConfigureAwait(false);
                await context.Out.WriteLineAsync($"    fix: {problem.Fix}").ConfigureAwait(false);
            }
            await context.Out.WriteLineAsync($"{report.Problems.Count} problem(s) in {report.NodeFile}.").ConfigureAwait(false);
            return ExitCodes.Problems;
        });
        return command;
    }
}
