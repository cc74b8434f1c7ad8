using System.ComponentModel;
using System.Diagnostics;

namespace ActorTrader.Parquet.Tests.Interop;

/// <summary>Runs one command to completion and returns its standard output; any failure throws with the command, exit code and stderr.</summary>
internal static class NodeProcess
{
    // A guard against a hung child, not a performance threshold: the slowest script finishes in seconds.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    public static async Task<string> RunAsync(string workingDirectory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var commandLine = $"{fileName} {string.Join(' ', arguments)} (in {workingDirectory})";

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Could not start `{commandLine}`: {e.Message}. The DuckDB interop tests need Node.js 20+ and npm on PATH.", e);
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(HangGuard);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{commandLine}` did not finish within {HangGuard.TotalMinutes} minutes and was killed.");
        }

        var output = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"`{commandLine}` exited with code {process.ExitCode}:\n{errors}");
        return output;
    }
}
