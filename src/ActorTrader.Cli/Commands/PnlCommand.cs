using System.CommandLine;
using System.Text.Json;
using ActorTrader.Cli.Connection;
using ActorTrader.Hosting.Management;
using Spectre.Console;

namespace ActorTrader.Cli.Commands;

/// <summary><c>actortrader pnl [--json]</c>: NAV, cash, realised and unrealised P&amp;L, fees, day P&amp;L and the daily rows.</summary>
public sealed class PnlCommand : ICliCommand
{
    /// <summary>Daily rows shown in the table (the JSON has them all).</summary>
    private const int RecentDays = 10;

    public Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var json = new Option<bool>("--json") { Description = "Print the P&L and every portfolio_daily row as JSON" };
        var command = new Command("pnl", "Show NAV, cash, realised/unrealised P&L, fees, the day's P&L and the latest portfolio_daily rows") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (target, _) = NodeLocator.Locate(context, parse.GetValue(context.ConfigOption));
            using var client = new ManagementClient(target, context);
            var pnl = await client.GetAsync<PnlResponse>(ManagementRoutes.Pnl, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(pnl, ManagementJson.Indented)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var console = context.Console();
            var figures = new Table().HideHeaders().AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
            figures.AddRow("Account", pnl.Account);
            figures.AddRow("NAV", PositionsCommand.Money(pnl.Nav));
            figures.AddRow("Cash", PositionsCommand.Money(pnl.Cash));
            figures.AddRow("Realised P&L", PositionsCommand.Money(pnl.RealisedPnl));
            figures.AddRow("Unrealised P&L", PositionsCommand.Money(pnl.UnrealisedPnl));
            figures.AddRow("Fees", PositionsCommand.Money(pnl.Fees));
            figures.AddRow("P&L since the last daily snapshot", PositionsCommand.Money(pnl.DayPnl));
            figures.AddRow("Gross / net exposure", $"{PositionsCommand.Money(pnl.GrossExposure)} / {PositionsCommand.Money(pnl.NetExposure)}");
            figures.AddRow("Fills", pnl.Fills.ToString(System.Globalization.CultureInfo.InvariantCulture));
            console.Write(figures);
            if (pnl.PortfolioDaily.Count == 0) return ExitCodes.Ok;
            var daily = new Table().AddColumn("Date").AddColumn(new TableColumn("NAV").RightAligned()).AddColumn(new TableColumn("Day P&L").RightAligned())
                .AddColumn(new TableColumn("Cash").RightAligned()).AddColumn(new TableColumn("Positions").RightAligned());
            foreach (var row in pnl.PortfolioDaily.Skip(Math.Max(0, pnl.PortfolioDaily.Count - RecentDays)))
                daily.AddRow(row.Date, PositionsCommand.Money(row.Nav), PositionsCommand.Money(row.DayPnl), PositionsCommand.Money(row.Cash), row.Positions.ToString(System.Globalization.CultureInfo.InvariantCulture));
            daily.Caption = new TableTitle($"portfolio_daily: last {Math.Min(RecentDays, pnl.PortfolioDaily.Count)} of {pnl.PortfolioDaily.Count} days");
            console.Write(daily);
            return ExitCodes.Ok;
        });
        return command;
    }
}
