using System.CommandLine;
using System.Text.Json;
using ActorTrader.Hosting.Management;

namespace ActorTrader.Cli.Connection;

/// <summary>
/// A read-only command over one management route: finds the node, GETs <c>T</c> and prints it as indented JSON with
/// <c>--json</c>, else hands it to a renderer with the node it came from.
/// </summary>
internal static class NodeViewCommand
{
    public static Command Create<T>(CliContext context, string name, string description, string route, string jsonDescription,
        Func<T, NodeTarget, int> render)
    {
        ArgumentNullException.ThrowIfNull(context);
        var json = new Option<bool>("--json") { Description = jsonDescription };
        var command = new Command(name, description) { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (target, _) = NodeLocator.Locate(context, parse.GetValue(context.ConfigOption));
            using var client = new ManagementClient(target, context);
            var view = await client.GetAsync<T>(route, cancellationToken).ConfigureAwait(false);
            if (!parse.GetValue(json)) return render(view, target);
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(view, ManagementJson.Indented)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
