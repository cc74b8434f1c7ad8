using System.Diagnostics;
using ActorTrader.TestKit;

namespace ActorTrader.Node.Tests.EndToEnd;

/// <summary>One run of the real <c>actortrader</c> CLI process.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(string workingDirectory, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(ChildProcess.StartInfo("actortrader.dll", workingDirectory, args, environment))
            ?? throw new InvalidOperationException("could not start the actortrader CLI");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TestKitBase.Dilated(TimeSpan.FromSeconds(60)));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return new CliRun(process.ExitCode, await output, await error);
    }

    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Out}{Environment.NewLine}stderr:{Environment.NewLine}{Error}";
}
