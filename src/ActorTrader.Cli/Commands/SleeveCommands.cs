using System.CommandLine;
using ActorTrader.Cli.Backtesting;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Cli.Commands;

/// <summary>
/// <c>actortrader sleeve run NAME [--json]</c>: runs one sleeve's production pipeline in-process (its
/// <see cref="SleeveActor"/> in a local actor system) and prints the outcome. Exit 0 when the sleeve produced weights,
/// 1 when a stage stopped it (the run directory still holds the audits and the report), 2 for an unknown sleeve name.
/// </summary>
internal static class SleeveCommands
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The sleeve: a file NAME.conf in actortrader.sleeves.dir (hocon/sleeves)." };
        var from = new Option<string?>("--from") { Description = "First day, yyyy-MM-dd (UTC, included; default: the sleeve's window)." };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-MM-dd (UTC, included; default: the sleeve's window)." };
        var json = new Option<bool>("--json") { Description = "Print the outcome as one JSON object." };
        var run = new Command("run", "Run a sleeve's pipeline once: data, aggregation, health, selection, synthesis, pre-opt, optimisation, report, validation.")
        {
            name, from, to, json,
        };
        run.SetAction(async (parse, cancellationToken) =>
        {
            var window = OptionParsing.Window(parse.GetValue(from), parse.GetValue(to));
            var environment = ResearchEnvironment.Load(context, parse.GetValue(context.ConfigOption));
            var definition = SleeveHost.Read(environment, parse.GetValue(name)!);
            var outcome = await SleeveHost.RunAsync(environment, definition, new RunSleeve(null, window.From, window.To), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json)) await context.Out.WriteLineAsync(SleeveOutcomes.Json(outcome)).ConfigureAwait(false);
            else foreach (var line in SleeveOutcomes.Lines(outcome)) await context.Out.WriteLineAsync(line).ConfigureAwait(false);
            return outcome.Succeeded ? ExitCodes.Ok : ExitCodes.Problems;
        });
        return new Command("sleeve", "Run a sleeve (see hocon/sleeves/README.md).") { run };
    }
}
