using System.CommandLine;
using ActorTrader.Cli.Connection;
using ActorTrader.Cli.Output;
using ActorTrader.Hosting.Management;
using Spectre.Console;

namespace ActorTrader.Cli.Commands;

/// <summary><c>actortrader status [--json]</c>: the node's name, roles, version, uptime, halt state and, when it runs one, the trading core (mode, replay day k/N, orders permitted, risk, NAV).</summary>
public sealed class StatusCommand : ICliCommand
{
    public Command Create(CliContext context) => NodeViewCommand.Create<NodeStatus>(context, "status",
        "Show the node's status: roles, version, uptime, halted or not", ManagementRoutes.Status, "Print the status as JSON",
        (status, target) =>
        {
            var table = new Table().HideHeaders().AddColumn("Field").AddColumn("Value");
            table.AddRow(new Text("Node"), new Text(status.Node));
            table.AddRow(new Text("State"), status.Halted
                ? new Text($"HALTED since {Render.Time(status.HaltedSince)} by {status.HaltedBy}: {status.HaltReason}", new Style(Color.Red))
                : new Text("active", new Style(Color.Green)));
            table.AddRow(new Text("Roles"), new Text(string.Join(", ", status.Roles)));
            table.AddRow(new Text("Version"), new Text(status.Version));
            table.AddRow(new Text("Uptime"), new Text($"{Render.Duration(status.UptimeSeconds)} (since {Render.Time(status.StartedAt)})"));
            table.AddRow(new Text("PID"), new Text(status.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            table.AddRow(new Text("URL"), new Text($"{target.Url} (from {target.UrlSource})"));
            table.AddRow(new Text("Config"), new Text(status.ConfigSource));
            if (status.Trading is { } trading)
            {
                table.AddRow(new Text("Trading"), new Text($"{trading.Mode}, {trading.State}; account {trading.Account} on {trading.Broker}"));
                if (trading.Replay is { } replay)
                    table.AddRow(new Text("Replay"), new Text($"day {replay.Day}/{replay.Days}{(replay.Date is { } date ? $" ({date})" : "")} from {replay.Start}, run {replay.RunId}{(replay.Finished ? ", finished" : "")}"));
                table.AddRow(new Text("Orders"), trading.TradingAllowed
                    ? new Text(trading.ReducingOnly ? "reducing only: " + trading.Permission : "permitted", new Style(trading.ReducingOnly ? Color.Yellow : Color.Green))
                    : new Text("not permitted: " + trading.Permission, new Style(Color.Red)));
                table.AddRow(new Text("Risk"), new Text(trading.RiskState));
                table.AddRow(new Text("Reconciliation"), new Text(trading.Reconciliation));
                if (trading.Nav is { } nav)
                    table.AddRow(new Text("NAV"), new Text($"{nav.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture)} (cash {trading.Cash?.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture)})"));
            }
            context.Console().Write(table);
            return ExitCodes.Ok;
        });
}
