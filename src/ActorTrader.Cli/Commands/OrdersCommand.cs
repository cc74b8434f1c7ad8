using System.CommandLine;
using System.Text.Json;
using ActorTrader.Cli.Connection;
using ActorTrader.Hosting.Management;
using Spectre.Console;

namespace ActorTrader.Cli.Commands;

/// <summary><c>actortrader orders [--open] [--json]</c>: the running node's orders, oldest first.</summary>
public sealed class OrdersCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var open = new Option<bool>("--open") { Description = "Only orders that may still change (not filled, canceled, expired or rejected)" };
        var json = new Option<bool>("--json") { Description = "Print the orders as JSON" };
        var command = new Command("orders", "Show the order manager's orders: client order id, symbol, side, quantity, fills, status") { open, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (target, _) = NodeLocator.Locate(context, parse.GetValue(context.ConfigOption));
            using var client = new ManagementClient(target, context);
            var route = ManagementRoutes.Orders + (parse.GetValue(open) ? "?open=true" : "");
            var response = await client.GetAsync<OrdersResponse>(route, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(response, ManagementJson.Indented)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            if (response.Orders.Count == 0)
            {
                await context.Out.WriteLineAsync($"Account {response.Account}: no {(response.OpenOnly ? "open " : "")}orders.").ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn("Client order id").AddColumn("Symbol").AddColumn("Side").AddColumn(new TableColumn("Qty").RightAligned())
                .AddColumn(new TableColumn("Filled").RightAligned()).AddColumn(new TableColumn("Avg price").RightAligned()).AddColumn("Status").AddColumn("Sleeve").AddColumn("Rebalance");
            foreach (var o in response.Orders)
            {
                table.AddRow(o.ClientOrderId, o.Symbol, o.Side, PositionsCommand.Number(o.Quantity), PositionsCommand.Number(o.FilledQuantity),
                    o.AverageFillPrice is { } p ? PositionsCommand.Number(p) : "-", o.Status, o.Sleeve, o.RebalanceId);
            }
            table.Caption = new TableTitle($"account {response.Account}, {response.Orders.Count} {(response.OpenOnly ? "open " : "")}orders");
            context.Console().Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
