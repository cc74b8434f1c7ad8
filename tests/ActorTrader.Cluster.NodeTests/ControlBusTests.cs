using System.Diagnostics;
using System.Text.Json;
using ActorTrader.Cluster.NodeTests.Harness;
using ActorTrader.Node.Tests.EndToEnd;
using Xunit.Abstractions;

namespace ActorTrader.Cluster.NodeTests;

/// <summary>
/// Issue 11's control bus end to end: a halt sent with the CLI to a node that does not trade stops trading on the node
/// that holds the account, a node started after the halt applies it from the log, and every node applies each command once.
/// </summary>
[Collection(ClusterNodesCollection.Name)]
public sealed class ControlBusTests(ClusterServer server, ITestOutputHelper output)
{
    [Fact]
    public async Task A_halt_sent_to_any_node_stops_trading_on_the_account_holder_and_reaches_a_node_started_later()
    {
        await using var setup = ClusterTestSetup.Create(server.Postgres, days: 1);
        setup.WriteNode("trader", ["trader"]);
        setup.WriteNode("ops-a", ["ingest"]);
        setup.WriteNode("ops-b", ["ingest"]);
        var clock = Stopwatch.StartNew();
        await using var trader = ClusterNode.Start("trader", setup.Root, ["--config", setup.ConfigFile("trader"), "--live-clock"], clock);
        await trader.WhenLineAsync(ClusterNode.IsTradingReady, TimeSpan.FromMinutes(2), "trading ready");
        await using var opsA = ClusterNode.Start("ops-a", setup.Root, ["--config", setup.ConfigFile("ops-a")], clock);
        await opsA.WhenLineAsync(l => l.Contains("joined the cluster", StringComparison.Ordinal), TimeSpan.FromMinutes(1), "joining the cluster");
        Assert.True((await StatusAsync(setup, "trader")).GetProperty("trading").GetProperty("tradingAllowed").GetBoolean());
        // Any node shows the whole cluster: both members up, the account's lease held by the trader.
        var cluster = await CliRun.RunAsync(setup.Root, ["cluster", "--json", "--config", setup.ConfigFile("ops-a")]);
        Assert.True(cluster.ExitCode == 0, cluster.ToString());
        var view = JsonDocument.Parse(cluster.Out).RootElement;
        Assert.Equal(["ops-a:up", "trader:up"], view.GetProperty("members").EnumerateArray().Select(m => $"{m.GetProperty("node").GetString()}:{m.GetProperty("status").GetString()}").ToArray());
        var account = view.GetProperty("leases").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "trading/account-paper");
        Assert.Equal("trader", account.GetProperty("holder").GetString());

        var sentAt = clock.Elapsed;
        var halt = await CliRun.RunAsync(setup.Root, ["halt", "--reason", "cluster drill", "--config", setup.ConfigFile("ops-a")]);
        Assert.True(halt.ExitCode == 0, halt.ToString());
        Assert.Contains("Halted cluster-wide", halt.Out, StringComparison.Ordinal);
        var appliedAt = await trader.WhenLineAsync(l => l.Contains("Trading halted by", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the halt applied");
        output.WriteLine($"halt sent through ops-a (CLI started at {sentAt.TotalSeconds:0.00} s), applied on the account holder {(appliedAt - sentAt).TotalSeconds:0.00} s later (including the CLI's start)");
        var status = await StatusAsync(setup, "trader");
        Assert.True(status.GetProperty("halted").GetBoolean());
        Assert.Equal("cluster drill", status.GetProperty("haltReason").GetString());
        Assert.False(status.GetProperty("trading").GetProperty("tradingAllowed").GetBoolean());

        // A node that was not running when the halt was sent applies it from the log when it starts.
        await using var opsB = ClusterNode.Start("ops-b", setup.Root, ["--config", setup.ConfigFile("ops-b")], clock);
        await opsB.WhenLineAsync(l => l.Contains("Trading halted by", StringComparison.Ordinal), TimeSpan.FromMinutes(1), "the halt applied from the log");
        Assert.True((await StatusAsync(setup, "ops-b")).GetProperty("halted").GetBoolean());

        var resume = await CliRun.RunAsync(setup.Root, ["resume", "--config", setup.ConfigFile("ops-b")]);
        Assert.True(resume.ExitCode == 0, resume.ToString());
        await trader.WhenLineAsync(l => l.Contains("Trading resumed", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the resume applied");
        await opsA.WhenLineAsync(l => l.Contains("Trading resumed", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the resume applied");
        Assert.False((await StatusAsync(setup, "trader")).GetProperty("halted").GetBoolean());

        // Exactly once: each node's journal holds the halt once and the resume once, and every cursor is at the last command.
        var halts = await setup.QueryAsync("SELECT persistence_id, count(*) FILTER (WHERE manifest = 'node-halted'), count(*) FILTER (WHERE manifest = 'node-resumed') FROM journal WHERE persistence_id LIKE 'node-control-%' GROUP BY persistence_id ORDER BY persistence_id");
        foreach (var row in halts) output.WriteLine($"{row[0]}: halted {row[1]}, resumed {row[2]}");
        Assert.Equal(["node-control-ops-a", "node-control-ops-b", "node-control-trader"], halts.Select(r => (string)r[0]!).ToArray());
        Assert.All(halts, r => Assert.Equal((1L, 1L), ((long)r[1]!, (long)r[2]!)));
        const string atLastCommand = "SELECT count(*) FROM cluster_control_cursor WHERE last_applied = (SELECT max(id) FROM cluster_control_log)";
        await Eventually.HoldsAsync(async () => (long)(await setup.QueryAsync(atLastCommand))[0][0]! == 3L, TimeSpan.FromSeconds(30), "every node's control cursor at the last command");
    }

    private static async Task<JsonElement> StatusAsync(ClusterTestSetup setup, string node)
    {
        var run = await CliRun.RunAsync(setup.Root, ["status", "--json", "--config", setup.ConfigFile(node)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Out).RootElement;
    }
}
