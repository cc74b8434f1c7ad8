using System.Diagnostics;
using System.Globalization;
using ActorTrader.Cluster.NodeTests.Harness;
using ActorTrader.Node.Tests.EndToEnd;
using ActorTrader.Research.Synthetic;
using Xunit.Abstractions;

namespace ActorTrader.Cluster.NodeTests;

/// <summary>
/// Issue 11: three research nodes; the one holding the research coordinator's lease runs the population, whose
/// evaluations go through the shared work queue to the workers of all three. One worker node is killed in the middle
/// of a generation: its claimed evaluations become visible again after the visibility timeout and are done by the
/// others — the run completes every generation and no evaluation is lost or dead-lettered.
/// </summary>
[Collection(ClusterNodesCollection.Name)]
public sealed class ResearchDistributionTests(ClusterServer server, ITestOutputHelper output)
{
    private const int Generations = 5;

    [Fact]
    public async Task Evaluations_spread_over_the_research_nodes_and_a_killed_node_loses_none()
    {
        await using var setup = ClusterTestSetup.Create(server.Postgres, days: 1);
        var inSample = PlantedMarket.InSampleFraction.ToString("R", CultureInfo.InvariantCulture);
        var research = $$"""
            cluster.evaluation { workers = 2, visibility-timeout = 4s, max-attempts = 5, keep-finished = on }
            research {
              strategies = [{{PlantedMarket.StrategyName}}]
              seed = 42
              generations = {{Generations}}
              breeding.population-size = 16
              stagnation.generations = 3
              window.enabled = off
              promotion.candidate-min-fitness = 1e6
              data { source = planted, in-sample-fraction = {{inSample}}, planted { years = 8, symbols = 8 } }
            }
            """;
        string[] names = ["research-1", "research-2", "research-3"];
        foreach (var name in names) setup.WriteNode(name, ["research"], research);
        var clock = Stopwatch.StartNew();
        var nodes = names.Select(n => ClusterNode.Start(n, setup.Root, ["--config", setup.ConfigFile(n)], clock)).ToList();
        try
        {
            // The coordinator logs each journaled generation; kill another node when the first one is done.
            var coordinatorTask = await Task.WhenAny(nodes.Select(n => n.WhenLineAsync(IsGenerationLine, TimeSpan.FromMinutes(3), "a generation line").ContinueWith(_ => n, TaskScheduler.Default)));
            var coordinator = await coordinatorTask;
            // Kill another node while it holds a claimed evaluation, so that evaluation must be done again elsewhere.
            ClusterNode? victim = null;
            string? claimed = null;
            await Eventually.HoldsAsync(async () =>
            {
                var rows = await setup.QueryAsync($"SELECT claimed_by, work_key FROM cluster_work WHERE status = 'claimed' AND claimed_by <> '{coordinator.Name}' LIMIT 1");
                if (rows.Count == 0) return false;
                victim = nodes.Single(n => n.Name == (string)rows[0][0]!);
                claimed = (string)rows[0][1]!;
                return true;
            }, TimeSpan.FromMinutes(2), "another node holding a claimed evaluation", TimeSpan.FromMilliseconds(20));
            var killedAt = victim!.Signal(PosixSignals.SigKill);
            await victim.WaitForExitAsync(TimeSpan.FromSeconds(30));
            await coordinator.WhenLineAsync(l => l.Contains($"completed its {Generations} generations", StringComparison.Ordinal), TimeSpan.FromMinutes(4), "the run completed");
            output.WriteLine($"coordinator {coordinator.Name}; killed {victim.Name} at {killedAt.TotalSeconds:0.00} s while it held {claimed}");

            var rows = await setup.QueryAsync("SELECT status, claimed_by, attempts FROM cluster_work WHERE queue = 'research-evaluations'");
            var byNode = rows.Where(r => (string)r[0]! == "done").GroupBy(r => (string)r[1]!).ToDictionary(g => g.Key, g => g.Count());
            output.WriteLine($"{rows.Count} evaluations: " + string.Join(", ", byNode.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")) +
                $"; claimed more than once: {rows.Count(r => (int)r[2]! > 1)}");
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal("done", (string)r[0]!));
            Assert.True(byNode.Count >= 2, "evaluations were done by one node only");
            // The killed node's evaluation was claimed again (after its visibility timeout) and finished by a live node.
            var redone = await setup.QueryAsync($"SELECT status, claimed_by, attempts FROM cluster_work WHERE work_key = '{claimed}'");
            Assert.Equal("done", (string)redone[0][0]!);
            Assert.NotEqual(victim.Name, (string)redone[0][1]!);
            Assert.True((int)redone[0][2]! >= 2, $"attempts {redone[0][2]}");
            Assert.Contains(coordinator.Lines, l => l.Contains($"generation {Generations - 1}:", StringComparison.Ordinal) || l.Contains($"generation {Generations}:", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    private static bool IsGenerationLine(string line) => line.Contains("] Population ", StringComparison.Ordinal) && line.Contains(" generation ", StringComparison.Ordinal) && line.Contains(": best ", StringComparison.Ordinal);
}
