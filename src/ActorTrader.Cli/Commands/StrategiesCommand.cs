using System.CommandLine;
using ActorTrader.Cli.Backtesting;

namespace ActorTrader.Cli.Commands;

/// <summary><c>actortrader strategies [--json]</c>: the strategy catalog with the configuration's settings. The rendering is <see cref="StrategyListing"/>.</summary>
internal static class StrategiesCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print {\"strategies\": [{name, description, enabled, allocation, requirements, parameters}]} as JSON." };
        var command = new Command("strategies", "List every strategy: description, enabled and allocation from the configuration, requirements, and each parameter's kind, range and default.")
        {
            json,
        };
        command.SetAction(async parse =>
        {
            var settings = ResearchEnvironment.Load(context, parse.GetValue(context.ConfigOption)).Strategies();
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(StrategyListing.Json(settings)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            foreach (var line in StrategyListing.Lines(settings)) await context.Out.WriteLineAsync(line).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
