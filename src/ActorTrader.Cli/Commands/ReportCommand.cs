using System.CommandLine;
using ActorTrader.Cli.Backtesting;

namespace ActorTrader.Cli.Commands;

/// <summary><c>actortrader report RUN_ID|latest</c>. The logic is <see cref="ReportCommandRunner"/>.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("RUN_ID") { Description = "A run id (20261121T203000Z-3f9a1c) or latest." };
        var command = new Command("report", "Re-index a run directory (INDEX.md) and print the index and the run's summary.") { id };
        command.SetAction((parse, cancellationToken) =>
            new ReportCommandRunner(context).RunAsync(parse.GetValue(context.ConfigOption), parse.GetValue(id)!, cancellationToken));
        return command;
    }
}
