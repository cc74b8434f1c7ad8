using System.CommandLine;
using ActorTrader.Cli.Commands;

namespace ActorTrader.Cli;

/// <summary>The <c>actortrader</c> entry point: builds the command tree from <see cref="CommandCatalog"/> and runs it.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("actortrader: operate an ActorTrader node (status, halt, resume, ...) and check its configuration offline.");
        root.Options.Add(context.ConfigOption);
        foreach (var command in CommandCatalog.All) root.Subcommands.Add(command.Create(context));
        return root;
    }

    /// <summary>Runs the command line; returns one of <see cref="ExitCodes"/>.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parse = BuildRoot(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) await context.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            await context.Error.WriteLineAsync("Run `actortrader --help` for the commands and options.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException e)
        {
            await context.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return e.ExitCode;
        }
        // A file the command needed could not be read or written: the message names the path, which is the fix's starting point.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Problems;
        }
    }
}
