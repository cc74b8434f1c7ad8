using System.CommandLine;
using System.Text.Json;
using ActorTrader.Cli.Connection;
using ActorTrader.Cli.Output;
using ActorTrader.Hosting.Logging;
using ActorTrader.Hosting.Management;
using Spectre.Console;

namespace ActorTrader.Cli.Commands;

/// <summary>
/// <c>actortrader errors [--limit N] [--json]</c>: the newest Error and Fatal events, from the node; when no node
/// answers, straight from the errors file the configuration names.
/// </summary>
public sealed class ErrorsCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = new Option<int>("--limit") { Description = "How many of the newest errors to list", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "Print the errors as JSON" };
        var command = new Command("errors", "List the node's recent errors (Error and Fatal log events)") { limit, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(limit);
            if (count < 1) throw new CliException(ExitCodes.Usage, $"--limit {count} must be at least 1.");
            var configFile = parse.GetValue(context.ConfigOption);
            var settings = NodeLocator.LoadSettings(context, configFile, out _);
            ErrorsResponse errors;
            try
            {
                var (target, _) = NodeLocator.Locate(context, configFile);
                using var client = new ManagementClient(target, context);
                errors = await client.GetAsync<ErrorsResponse>($"{ManagementRoutes.Errors}?limit={count}", cancellationToken).ConfigureAwait(false);
            }
            catch (CliException e) when (e.ExitCode == ExitCodes.NodeNotRunning)
            {
                // The errors file is plain JSON lines on this machine: listing it needs no running node.
                await context.Error.WriteLineAsync($"{e.Message}{Environment.NewLine}Listing {settings.Logging.ErrorsFile} directly.").ConfigureAwait(false);
                errors = new ErrorsResponse(settings.Logging.ErrorsFile, ErrorLog.Read(settings.Logging.ErrorsFile, count));
            }
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(errors, ManagementJson.Indented)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var console = context.Console();
            if (errors.Errors.Count == 0)
            {
                console.Write(new Text($"No errors recorded in {errors.File}.{Environment.NewLine}"));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn("Time").AddColumn("Level").AddColumn("Message").AddColumn("Actor").AddColumn("Correlation");
            foreach (var entry in errors.Errors)
            {
                var message = entry.Exception is null ? entry.Message : $"{entry.Message}{Environment.NewLine}{entry.Exception.Split('\n')[0].Trim()}";
                table.AddRow(new Text(Render.Time(entry.Timestamp)), new Text(entry.Level), new Text(message), new Text(entry.ActorPath ?? "-"), new Text(entry.CorrelationId ?? "-"));
            }
            console.Write(table);
            console.Write(new Text($"{errors.Errors.Count} error(s) from {errors.File}{Environment.NewLine}"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
