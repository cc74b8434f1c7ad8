using System.CommandLine;
using System.Text.Json;
using ActorTrader.Cli.Connection;
using ActorTrader.Hosting.Configuration;

namespace ActorTrader.Cli.Commands;

/// <summary>
/// <c>actortrader config show [--file F] [--json]</c>: the resolved configuration (reference.conf, the node file,
/// environment overrides), each key with where it was set; <c>--json</c> prints exactly the resolved tree.
/// Credentials are shown as <c>***</c>.
/// </summary>
public sealed class ConfigCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Option<string?>("--file") { Description = "Configuration file to show (default: the --config one)" };
        var json = new Option<bool>("--json") { Description = "Print the resolved configuration as plain JSON" };
        var show = new Command("show", "Print the resolved configuration, each key with the file:line:col that set it") { file, json };
        show.SetAction(async parse =>
        {
            NodeLocator.LoadSettings(context, parse.GetValue(file) ?? parse.GetValue(context.ConfigOption), out var loaded);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(ConfigRendering.ToJson(loaded.Config).ToJsonString(new JsonSerializerOptions { WriteIndented = true })).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            await context.Out.WriteLineAsync($"# {loaded.Description}").ConfigureAwait(false);
            foreach (var (key, value, position) in ConfigRendering.Leaves(loaded.Config))
                await context.Out.WriteLineAsync(position is null ? $"{key} = {value}" : $"{key} = {value}    # {position}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return new Command("config", "Show the resolved configuration") { show };
    }
}
