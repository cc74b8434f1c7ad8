using System.CommandLine;
using ActorTrader.Cli.Data;

namespace ActorTrader.Cli.Commands;

/// <summary>
/// <c>actortrader scan [--config F] [--scanner NAME|FILE ...] [--lint]</c>: lint the scanners (nothing is fetched while
/// any has a problem), run them, write each one's candidates to data/export/&lt;RUN_ID&gt;/candidates.json.
/// The logic is <see cref="ScanCommandRunner"/>.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(CliContext context)
    {
        var scanner = new Option<string[]>("--scanner")
        {
            Description = "A scanner file, or a name in actortrader.data.scanners.dir (repeatable; default: every *.conf there).",
            AllowMultipleArgumentsPerToken = true,
        };
        var lint = new Option<bool>("--lint") { Description = "Only lint the scanner files; fetch nothing." };
        var command = new Command("scan", "Lint and run the HOCON scanners; write candidates.json per scanner run.") { scanner, lint };
        command.SetAction((parse, cancellationToken) => new ScanCommandRunner(context, TimeProvider.System)
            .RunAsync(parse.GetValue(context.ConfigOption), parse.GetValue(scanner) ?? [], parse.GetValue(lint), cancellationToken));
        return command;
    }
}
