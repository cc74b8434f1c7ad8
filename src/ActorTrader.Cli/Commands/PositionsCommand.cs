using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ActorTrader.Cli.Connection;
using ActorTrader.Hosting.Management;
using Spectre.Console;

namespace ActorTrader.Cli.Commands;

/// <summary><c>actortrader positions [--json]</c>: the running node's ledger positions.</summary>
public sealed class PositionsCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var json = new Option<bool>("--json") { Description = "Print the positions as JSON" };
        var command = new Command("positions", "Show the ledger's open positions (quantity, average cost, mark, value, unrealised P&L)") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (target, _) = NodeLocator.Locate(context, parse.GetValue(context.ConfigOption));
            using var client = new ManagementClient(target, context);
            var response = await client.GetAsync<PositionsResponse>(ManagementRoutes.Positions, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(response, ManagementJson.Indented)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            if (response.Positions.Count == 0)
            {
                await context.Out.WriteLineAsync($"Account {response.Account}: no open positions (all cash).").ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn("Symbol").AddColumn(new TableColumn("Quantity").RightAligned()).AddColumn(new TableColumn("Avg cost").RightAligned())
                .AddColumn(new TableColumn("Mark").RightAligned()).AddColumn(new TableColumn("Value").RightAligned()).AddColumn(new TableColumn("Unrealised").RightAligned());
            foreach (var p in response.Positions)
                table.AddRow(p.Symbol, Number(p.Quantity), Number(p.AverageCost), p.Mark is { } m ? Number(m) : "-", Money(p.MarketValue), Money(p.UnrealisedPnl));
            table.Caption = new TableTitle($"account {response.Account}, {response.Positions.Count} positions");
            context.Console().Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    internal static string Money(decimal value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);
}
