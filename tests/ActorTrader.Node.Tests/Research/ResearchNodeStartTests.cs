using System.Diagnostics;
using System.Runtime.Versioning;
using ActorTrader.Node.Hosting;
using ActorTrader.Node.Tests.EndToEnd;
using ActorTrader.TestKit;

namespace ActorTrader.Node.Tests.Research;

/// <summary>A node with role research and a bad research section refuses to start, listing the problems, as for any configuration problem.</summary>
[Collection(NodeProcessCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class ResearchNodeStartTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_research_node_with_bad_research_settings_exits_1_naming_each_problem_before_opening_its_journal()
    {
        var setup = ResearchNodeSetup.Create(_dir.File("node"), generations: 2, extra: "research { parallelism = 0, data.source = nowhere }");

        using var process = Process.Start(ChildProcess.StartInfo("ActorTrader.Node.dll", setup.Root, ["--config", setup.ConfigFile]))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TestKitBase.Dilated(TimeSpan.FromSeconds(60)));
        await process.WaitForExitAsync(deadline.Token);
        var stderr = await error;

        Assert.True(process.ExitCode == NodeHost.ExitConfigInvalid, $"exit {process.ExitCode}{Environment.NewLine}{await output}{Environment.NewLine}{stderr}");
        Assert.Contains("The node cannot start: its configuration has problems.", stderr, StringComparison.Ordinal);
        Assert.Contains($"{setup.ConfigFile}:", stderr, StringComparison.Ordinal);
        Assert.Contains("actortrader.research.parallelism = 0 is out of range", stderr, StringComparison.Ordinal);
        Assert.Contains("actortrader.research.data.source = \"nowhere\" is not a research data source", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(setup.JournalFile), "The node must not open its journal with a bad research section.");
    }
}
