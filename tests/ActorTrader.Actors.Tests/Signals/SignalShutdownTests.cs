using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Signals;

/// <summary>Starts a real host process and signals it, as an operator's systemd or Ctrl+C would.</summary>
public sealed partial class SignalShutdownTests
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [Theory]
    [InlineData(SigTerm, "SIGTERM")]
    [InlineData(SigInt, "SIGINT")]
    public async Task A_signal_runs_every_shutdown_phase_in_order_and_the_host_exits_cleanly(int signal, string signalName)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "ActorTrader.Actors.SignalProbe.dll");
        var start = new ProcessStartInfo("dotnet", [probe]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the signal probe");
        var lines = Channel.CreateUnbounded<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null) lines.Writer.TryWrite(e.Data);
        };
        process.BeginOutputReadLine();
        var output = new List<string>();
        try
        {
            using (var ready = new CancellationTokenSource(TestKitBase.Dilated(TimeSpan.FromSeconds(20))))
            {
                while (true)
                {
                    var line = await lines.Reader.ReadAsync(ready.Token);
                    if (line == "ready") break;
                }
            }

            Assert.Equal(0, Kill(process.Id, signal));
            using var exit = new CancellationTokenSource(TestKitBase.Dilated(TimeSpan.FromSeconds(20)));
            await process.WaitForExitAsync(exit.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        lines.Writer.TryComplete();
        await foreach (var line in lines.Reader.ReadAllAsync()) output.Add(line);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(
            [
                "phase before-service-unbind", "phase stop-intake", "phase drain", "phase persist-checkpoints",
                "phase before-actor-system-terminate", "actor stopped", $"terminated by Signal {signalName}",
            ],
            output);
    }
}
