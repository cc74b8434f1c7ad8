using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace ActorTrader.Cli.Commands;

/// <summary>
/// <c>actortrader run [--days N] [--start yyyy-MM-dd] [--live-clock]</c>: the main job, the same as <c>./run.sh</c> (which
/// it runs: build the node, then run it in the foreground with this terminal). By default a replay of the bundled data on a
/// virtual clock that exits when it ends; <c>--live-clock</c> trades on the wall clock until Ctrl+C.
/// </summary>
public sealed class RunCommand : ICliCommand
{
    public const string Script = "run.sh";

    public Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var days = new Option<int?>("--days") { Description = "Trading days to replay (default actortrader.trading.day.replay.days, 60)" };
        var start = new Option<string?>("--start") { Description = "First date of the replay, yyyy-MM-dd (default actortrader.trading.day.replay.start)" };
        var liveClock = new Option<bool>("--live-clock") { Description = "Trade on the wall clock and the real calendar instead of replaying" };
        var command = new Command("run", "Build and run the node: replay the bundled data day by day (default) or trade on the live clock") { days, start, liveClock };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var arguments = new List<string>();
            if (parse.GetValue(context.ConfigOption) is { } config) arguments.AddRange(["--config", Path.GetFullPath(config, context.WorkingDirectory)]);
            if (parse.GetValue(liveClock))
            {
                if (parse.GetValue(days) is not null || parse.GetValue(start) is not null)
                    throw new CliException(ExitCodes.Usage, "--days and --start belong to a replay; leave out --live-clock.");
                arguments.Add("--live-clock");
            }
            else
            {
                arguments.Add("--replay");
                if (parse.GetValue(days) is { } n)
                {
                    if (n < 1) throw new CliException(ExitCodes.Usage, $"--days {n} is less than 1. Fix: replay at least one trading day.");
                    arguments.AddRange(["--days", n.ToString(CultureInfo.InvariantCulture)]);
                }
                if (parse.GetValue(start) is { } date) arguments.AddRange(["--start", date]);
            }
            var script = FindScript(context.WorkingDirectory);
            using var process = Process.Start(StartInfo(script, arguments))
                ?? throw new CliException(ExitCodes.NodeError, $"Could not start {script}.");
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C reached the node too: it shuts down gracefully; its exit code is the answer.
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
            return process.ExitCode;
        });
        return command;
    }

    /// <summary>The run.sh of the source tree the working directory is in (or below).</summary>
    public static string FindScript(string workingDirectory)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(workingDirectory)); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, Script);
            if (File.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "src", "ActorTrader.Node", "ActorTrader.Node.csproj"))) return candidate;
        }
        throw new CliException(ExitCodes.Usage,
            $"actortrader run builds and starts the node from the source tree, but no {Script} was found in {workingDirectory} or above. Fix: run it from the ActorTrader checkout (or use ./run.sh there).");
    }

    /// <summary>bash run.sh with the arguments, sharing this terminal (the node's day lines and Ctrl+C).</summary>
    public static ProcessStartInfo StartInfo(string script, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo("bash") { UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(script)! };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }
}
