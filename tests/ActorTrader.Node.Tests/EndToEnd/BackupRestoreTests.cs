using System.Text.Json.Nodes;
using ActorTrader.TestKit;

namespace ActorTrader.Node.Tests.EndToEnd;

/// <summary>
/// Issue 12's acceptance "backup → delete database → restore → node recovers identical state", with real processes: a
/// replay is backed up online (<c>actortrader backup now</c>) while it pauses after day 1 of 2, the node is killed and
/// its databases (journal, snapshots, paper account) are deleted, <c>actortrader backup restore</c> puts the backup back,
/// and the node started again resumes after day 1 from the restored state and ends exactly where an uninterrupted run
/// of the same replay ends: the same positions, P&amp;L and orders (wall-clock timestamps aside).
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private const string Days = "2";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    private NodeFixturePaths Setup(string name)
    {
        Directory.CreateDirectory(_dir.File(name));
        var paths = NodeFixturePaths.Create(_dir.File(name));
        File.AppendAllText(paths.ConfigFile, $$"""

            actortrader {
              sleeves.dir = "{{TestData("hocon", "sleeves")}}"
              data.csv.dir = "{{TestData("samples")}}"
              trading.day.rebalance.long-only = off
              trading.run.replay-stay = on
            }
            """);
        return paths;
    }

    private static async Task<JsonObject> StateAsync(NodeFixturePaths paths)
    {
        var state = new JsonObject();
        foreach (var command in new[] { "positions", "pnl", "orders" })
        {
            var run = await CliRun.RunAsync(paths.Root, ["--config", paths.ConfigFile, command, "--json"]);
            Assert.True(run.ExitCode == 0, run.ToString());
            var json = JsonNode.Parse(run.Out)!.AsObject();
            // Wall-clock times differ between runs; everything else is the journaled state.
            json.Remove("asOf");
            if (json["orders"] is JsonArray orders)
            {
                foreach (var order in orders.OfType<JsonObject>())
                {
                    order.Remove("submittedAt");
                    order.Remove("updatedAt");
                }
            }
            state[command] = json;
        }
        return state;
    }

    private static async Task<JsonObject> FinishedStateAsync(NodeProcess node, NodeFixturePaths paths)
    {
        await node.WaitForOutputAsync(o => o.Contains("Replay finished: 2/2 days", StringComparison.Ordinal), "the end of the replay");
        return await StateAsync(paths);
    }

    [Fact]
    public async Task A_restored_backup_lets_the_node_resume_and_end_in_the_state_of_an_uninterrupted_run()
    {
        var reference = Setup("reference");
        JsonObject expected;
        await using (var node = await NodeProcess.StartAsync(reference, ["--replay", "--days", Days]))
        {
            expected = await FinishedStateAsync(node, reference);
        }

        var paths = Setup("restored");
        string backup;
        await using (var node = await NodeProcess.StartAsync(paths, ["--replay", "--days", Days, "--set", "actortrader.trading.run.replay-pace=60s"]))
        {
            await node.WaitForOutputAsync(o => o.Contains("day 1/2", StringComparison.Ordinal), "day 1");
            var now = await CliRun.RunAsync(paths.Root, ["--config", paths.ConfigFile, "backup", "now", "--json"]);
            Assert.True(now.ExitCode == 0, now.ToString());
            var written = JsonNode.Parse(now.Out)!;
            backup = written["directory"]?.GetValue<string>() ?? throw new InvalidOperationException($"backup now printed no directory: {now}");
            Assert.Equal(3, written["files"]!.AsArray().Count);
        }
        // The node is killed (DisposeAsync) during its pause; then its databases are lost.
        var replayDir = Path.Combine(paths.DataDir, "replay");
        var databases = Directory.GetFiles(replayDir, "*.db*");
        Assert.Contains(databases, f => f.EndsWith("paper-broker.db", StringComparison.Ordinal));
        foreach (var file in databases) File.Delete(file);

        var restore = await CliRun.RunAsync(paths.Root, ["--config", paths.ConfigFile, "backup", "restore", backup]);
        Assert.True(restore.ExitCode == 0, restore.ToString());

        await using (var node = await NodeProcess.StartAsync(paths, ["--replay", "--days", Days]))
        {
            var actual = await FinishedStateAsync(node, paths);
            Assert.Contains("resuming after", node.Output, StringComparison.Ordinal);
            Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
        }
    }

    [Fact]
    public async Task Restore_is_refused_while_the_node_runs_and_for_a_directory_that_is_not_a_backup()
    {
        var paths = Setup("refusals");
        var notBackup = _dir.File("not-a-backup");
        Directory.CreateDirectory(notBackup);
        await using (var node = await NodeProcess.StartAsync(paths))
        {
            var running = await CliRun.RunAsync(paths.Root, ["--config", paths.ConfigFile, "backup", "restore", notBackup]);
            Assert.Equal(1, running.ExitCode);
            Assert.Contains("A node is running", running.Error + running.Out, StringComparison.Ordinal);
        }

        var missing = await CliRun.RunAsync(paths.Root, ["--config", paths.ConfigFile, "backup", "restore", notBackup]);

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("backup.json", missing.Error + missing.Out, StringComparison.Ordinal);
    }
}
