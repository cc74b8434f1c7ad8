using System.Globalization;
using ActorTrader.Hosting.Management;
using Spectre.Console;

namespace ActorTrader.Cli.Output;

/// <summary>Human-readable renderings shared by the commands.</summary>
internal static class Render
{
    public static string Time(DateTimeOffset? time) => time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "-";

    public static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalDays >= 1 ? $"{(int)span.TotalDays}d {span:hh\\:mm\\:ss}" : span.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>Prints a control outcome; returns the exit code (refusals are <see cref="ExitCodes.Problems"/>).</summary>
    public static int ControlOutcome(CliContext context, ControlResponse response)
    {
        var console = context.Console();
        console.Write(new Text(response.Message + Environment.NewLine, response.Accepted ? Style.Plain : new Style(Color.Red)));
        var state = response.Halted ? $"Node is HALTED since {Time(response.HaltedSince)}: {response.HaltReason}" : "Node is active (not halted).";
        console.Write(new Text(state + Environment.NewLine));
        return response.Accepted ? ExitCodes.Ok : ExitCodes.Problems;
    }
}
