using System.Diagnostics;
using System.Text.RegularExpressions;
using ActorTrader.Node.Hosting;
using ActorTrader.TestKit;

namespace ActorTrader.Node.Tests.EndToEnd;

/// <summary>
/// The main job as a real process: <c>ActorTrader.Node --replay --days 2</c> over the bundled samples and the shipped
/// sleeves prints one line per day and a closing line on standard output, writes its report and exits 0; started again
/// with the same arguments after it finished, it moves the old one to the archive and replays the same days the same way.
/// </summary>
public sealed partial class ReplayProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} day \d+/\d+ NAV -?\d+\.\d{2} P&L [+-]?\d+\.\d{2} orders \d+ fills \d+$")]
    private static partial Regex DayLine();

    private async Task<(int ExitCode, string[] Out, string Error)> RunAsync()
    {
        var config = _dir.File("node.conf");
        await File.WriteAllTextAsync(config, $$"""
            actortrader {
              node { name = "replay-e2e", data-dir = "{{_dir.File("data")}}" }
              management.port = 0
              sleeves.dir = "{{TestData("hocon", "sleeves")}}"
              data.csv.dir = "{{TestData("samples")}}"
              trading.day.rebalance.long-only = off
            }
            """);
        using var process = Process.Start(ChildProcess.StartInfo("ActorTrader.Node.dll", _dir.Path, ["--config", config, "--replay", "--days", "2"]))
            ?? throw new InvalidOperationException("could not start the node");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TestKitBase.Dilated(TimeSpan.FromMinutes(4)));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The replay did not end in time:{Environment.NewLine}{await output}{await error}");
        }
        return (process.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), await error);
    }

    [Fact]
    public async Task A_replay_prints_a_line_per_day_writes_its_report_exits_0_and_the_next_start_replays_anew()
    {
        var (exit, lines, error) = await RunAsync();
        var (again, next, nextError) = await RunAsync();

        Assert.True(exit == NodeHost.ExitOk, $"exit {exit}{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{Environment.NewLine}{error}");
        Assert.StartsWith("Replay ", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Count(l => DayLine().IsMatch(l)));
        Assert.Contains(lines, l => l.StartsWith("Replay finished: 2/2 days", StringComparison.Ordinal));
        var report = lines.Single(l => l.StartsWith("Report: ", StringComparison.Ordinal))["Report: ".Length..];
        Assert.Contains("Ledger vs broker: positions equal", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
        Assert.True(again == NodeHost.ExitOk, nextError);
        Assert.Equal(lines.Where(l => DayLine().IsMatch(l)), next.Where(l => DayLine().IsMatch(l)));
        Assert.Single(Directory.GetDirectories(_dir.File(Path.Combine("data", "replay-archive"))));
    }
}
