using System.Runtime.Versioning;
using System.Text.Json;
using ActorTrader.Node.Tests.EndToEnd;

namespace ActorTrader.Node.Tests.Research;

/// <summary>The real actortrader CLI with a research node running: every research command asks the node instead of running research itself.</summary>
[Collection(NodeProcessCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class ResearchCliOnNodeTests(ResearchNodeFixture node) : IClassFixture<ResearchNodeFixture>
{
    private Task<CliRun> Cli(params string[] args) => CliRun.RunAsync(node.Setup.Root, ["--config", node.Setup.ConfigFile, "research", .. args]);

    [Fact]
    public async Task Status_json_shows_the_nodes_completed_run()
    {
        var run = await Cli("status", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var population = Assert.Single(json.RootElement.GetProperty("populations").EnumerateArray().ToList());
        Assert.Equal(ResearchNodeSetup.Strategy, population.GetProperty("strategy").GetString());
        Assert.Equal("completed", population.GetProperty("phase").GetString());
        Assert.Equal(2, population.GetProperty("generation").GetInt32());
        Assert.True(population.GetProperty("evaluations_per_s").GetDouble() > 0);
    }

    [Fact]
    public async Task Start_hands_the_run_to_the_node_and_returns()
    {
        var run = await Cli("start");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches($"^{ResearchNodeSetup.Strategy}: run [0-9TZ-]+$", run.Out.Split('\n')[0].TrimEnd('\r'));
        Assert.Contains("Node research-node (", run.Out, StringComparison.Ordinal);
        Assert.Contains("evolves them in the background", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_of_an_unknown_strategy_is_the_nodes_usage_error()
    {
        var run = await Cli("history", "relative_volume_breakot");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("did you mean relative_volume_breakout?", run.Error, StringComparison.Ordinal);
    }
}
