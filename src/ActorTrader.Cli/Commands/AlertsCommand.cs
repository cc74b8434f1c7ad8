using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ActorTrader.Cli.Connection;
using ActorTrader.Cli.Output;
using ActorTrader.Hosting.Management;
using Spectre.Console;

namespace ActorTrader.Cli.Commands;

/// <summary><c>actortrader alerts [--limit N] [--json]</c>: the node's newest alerts (breakers, trading state, reconciliation, rejections, stale data, memory, journal, research).</summary>
public sealed class AlertsCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = new Option<int>("--limit") { Description = "How many of the newest alerts to list", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "Print the alerts as JSON" };
        var command = new Command("alerts", "List the node's recent alerts, newest first (repeats folded in)") { limit, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(limit);
            if (count < 1) throw new CliException(ExitCodes.Usage, $"--limit {count} must be at least 1.");
            var (target, _) = NodeLocator.Locate(context, parse.GetValue(context.ConfigOption));
            using var client = new ManagementClient(target, context);
            var alerts = await client.GetAsync<AlertsResponse>($"{ManagementRoutes.Alerts}?limit={count}", cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(alerts, ManagementJson.Indented)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var console = context.Console();
            if (alerts.Alerts.Count == 0)
            {
                console.Write(new Text($"No alerts.{Environment.NewLine}"));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn("Last").AddColumn("Kind").AddColumn("Severity").AddColumn("Message").AddColumn("Times");
            foreach (var alert in alerts.Alerts)
                table.AddRow(new Text(Render.Time(alert.LastAt)), new Text(alert.Kind), new Text(alert.Severity), new Text(alert.Message),
                    new Text((alert.Repeats + 1).ToString(CultureInfo.InvariantCulture)));
            console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
