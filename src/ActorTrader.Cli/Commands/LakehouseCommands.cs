using System.CommandLine;
using ActorTrader.Cli.Data;

namespace ActorTrader.Cli.Commands;

/// <summary><c>actortrader lakehouse info [--json]</c>: what the lakehouse holds — symbols, date ranges, sizes, health. The logic is <see cref="LakehouseInfo"/>.</summary>
internal static class LakehouseCommands
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the partitions as JSON." };
        var info = new Command("info", "List partitions (symbol, timeframe, first/last bar, rows, files, size, provider) with strict health, and quarantined partitions.") { json };
        info.SetAction(parse => new LakehouseInfo(context, TimeProvider.System).RunAsync(parse.GetValue(context.ConfigOption), parse.GetValue(json)));
        return new Command("lakehouse", "Inspect the Parquet lakehouse.") { info };
    }
}
