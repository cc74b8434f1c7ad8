using ActorTrader.Node.Control;
using ActorTrader.Node.Hosting;
using ActorTrader.Persistence.Sqlite;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text.Json;
using ActorTrader.Hosting.Management;
using ActorTrader.TestKit;

namespace ActorTrader.Node.Tests.EndToEnd;

/// <summary>
/// The acceptance path with real processes: a node started from a config file (port 0, temp data dir),
/// driven by the real actortrader CLI, stopped by SIGTERM.
/// </summary>
[Collection(NodeProcessCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class NodeEndToEndTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly NodeFixturePaths _paths;

    public NodeEndToEndTests() => _paths = NodeFixturePaths.Create(_dir.Path);

    public void Dispose() => _dir.Dispose();

    private Task<CliRun> Cli(params string[] args) => CliRun.RunAsync(_dir.Path, ["--config", _paths.ConfigFile, .. args]);

    private async Task<NodeStatus> StatusAsync()
    {
        var run = await Cli("status", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonSerializer.Deserialize<NodeStatus>(run.Out, ManagementJson.Options)!;
    }

    private static async Task StopAsync(NodeProcess node)
    {
        await node.TerminateAsync(TestKitBase.Dilated(NodeFixturePaths.ShutdownTimeout));
        Assert.True(node.ExitCode == 0, node.Output);
    }

    [Fact]
    public async Task Metrics_summarise_the_requests_by_route_and_need_the_token()
    {
        await using var node = await NodeProcess.StartAsync(_paths);
        await StatusAsync();
        using var http = new HttpClient { BaseAddress = new Uri(node.Endpoint.Url) };

        using var refused = await http.GetAsync(ManagementRoutes.Metrics);
        http.DefaultRequestHeaders.Add("Authorization", "Bearer " + (await File.ReadAllTextAsync(_paths.TokenFile)).Trim());
        using var metrics = JsonDocument.Parse(await http.GetStringAsync(ManagementRoutes.Metrics));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var counters = metrics.RootElement.GetProperty("counters");
        Assert.Contains(counters.EnumerateObject(), c => c.Name.StartsWith("actortrader.management.requests{", StringComparison.Ordinal)
            && c.Name.Contains("route=/api/status", StringComparison.Ordinal) && c.Value.GetDouble() >= 1);
        Assert.True(metrics.RootElement.GetProperty("gauges").GetProperty("actortrader.process.working_set").GetDouble() > 0);
    }

    [Fact]
    public async Task Status_shows_the_running_node()
    {
        await using var node = await NodeProcess.StartAsync(_paths);

        var status = await StatusAsync();
        var table = await Cli("status");

        Assert.Equal(NodeFixturePaths.NodeName, status.Node);
        Assert.Equal(node.Pid, status.Pid);
        Assert.False(status.Halted);
        Assert.Contains(_paths.ConfigFile, status.ConfigSource, StringComparison.Ordinal);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("active", table.Out, StringComparison.Ordinal);
        Assert.Contains(node.Endpoint.Url, table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Halt_makes_status_say_halted_with_the_reason()
    {
        await using var node = await NodeProcess.StartAsync(_paths);

        var halt = await Cli("halt", "--reason", "end-to-end halt");
        var status = await StatusAsync();
        var table = await Cli("status");

        Assert.True(halt.ExitCode == 0, halt.ToString());
        Assert.True(status.Halted);
        Assert.Equal("end-to-end halt", status.HaltReason);
        Assert.Equal("operator", status.HaltedBy);
        Assert.Contains("HALTED", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restarted_node_is_still_halted_until_resume()
    {
        await using (var first = await NodeProcess.StartAsync(_paths))
        {
            Assert.Equal(0, (await Cli("halt", "--reason", "survive restart")).ExitCode);
            await StopAsync(first);
        }

        await using var second = await NodeProcess.StartAsync(_paths);
        var afterRestart = await StatusAsync();
        var resume = await Cli("resume");
        var afterResume = await StatusAsync();

        Assert.True(afterRestart.Halted);
        Assert.Equal("survive restart", afterRestart.HaltReason);
        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.False(afterResume.Halted);
    }

    [Fact]
    public async Task Rebalance_while_halted_is_refused_with_exit_code_1()
    {
        await using var node = await NodeProcess.StartAsync(_paths);
        await Cli("halt", "--reason", "no trading");

        var rebalance = await Cli("rebalance", "--sleeve", "core");

        Assert.Equal(1, rebalance.ExitCode);
        Assert.Contains("Refused", rebalance.Out, StringComparison.Ordinal);
        Assert.Contains("no trading", rebalance.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_HALT_file_in_the_kill_switch_directory_halts_the_node()
    {
        await using var node = await NodeProcess.StartAsync(_paths);
        Directory.CreateDirectory(Path.GetDirectoryName(_paths.KillSwitchFile)!);

        // Written aside and renamed in, so the node never sees the file before its text (the watch may fire in between).
        await File.WriteAllTextAsync(_paths.KillSwitchFile + ".new", "operator pulled the switch");
        File.Move(_paths.KillSwitchFile + ".new", _paths.KillSwitchFile);
        await node.WaitForOutputAsync(o => o.Contains("halted by the kill switch", StringComparison.Ordinal), "the kill-switch halt");
        var status = await StatusAsync();

        Assert.True(status.Halted);
        Assert.Equal("kill-switch", status.HaltedBy);
        Assert.Contains("operator pulled the switch", status.HaltReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_gets_a_401_and_a_clear_cli_error()
    {
        await using var node = await NodeProcess.StartAsync(_paths);
        var wrongTokenFile = _dir.File("wrong.token");
        await File.WriteAllTextAsync(wrongTokenFile, "not-the-token");
        File.SetUnixFileMode(wrongTokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var run = await CliRun.RunAsync(_dir.Path, ["--config", _paths.ConfigFile, "status"],
            new Dictionary<string, string> { ["ACTORTRADER__MANAGEMENT__TOKEN_FILE"] = wrongTokenFile });
        using var http = new HttpClient();
        using var raw = await http.GetAsync(new Uri(new Uri(node.Endpoint.Url), "api/status"));

        Assert.Equal(4, run.ExitCode);
        Assert.StartsWith($"401: the node rejected the token in {wrongTokenFile}", run.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, raw.StatusCode);
    }

    [Fact]
    public async Task No_running_node_gives_a_clear_error_naming_the_address_and_config()
    {
        var port = FreePort();
        await File.WriteAllTextAsync(_paths.ConfigFile, $$"""actortrader { node.data-dir = "{{_paths.DataDir}}", management.port = {{port}} }""");

        var run = await Cli("status");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal($"No node is answering at http://127.0.0.1:{port}/ (from {_paths.ConfigFile}). Start one with ./run.sh", run.Error.Trim());
    }

    [Fact]
    public async Task SIGTERM_stops_the_node_within_the_shutdown_timeout_with_a_clean_final_line()
    {
        var node = await NodeProcess.StartAsync(_paths);
        await using (node)
        {
            await StopAsync(node);
        }

        Assert.Matches(@$"Node {NodeFixturePaths.NodeName} stopped cleanly in \d+\.\d s$", node.Output);
        Assert.False(File.Exists(_paths.EndpointFile));
    }

    [Fact]
    public async Task The_token_file_is_created_0600_its_path_printed_once_and_the_token_never_printed()
    {
        await using (var first = await NodeProcess.StartAsync(_paths))
        {
            await StopAsync(first);
            Assert.Contains($"Created the management token file {_paths.TokenFile}", first.Output, StringComparison.Ordinal);
        }
        await using var second = await NodeProcess.StartAsync(_paths);
        await Cli("status");
        await StopAsync(second);

        var token = await File.ReadAllTextAsync(_paths.TokenFile);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_paths.TokenFile));
        Assert.DoesNotContain("Created the management token file", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(token, second.Output, StringComparison.Ordinal);
        foreach (var log in Directory.GetFiles(Path.Combine(_paths.DataDir, "logs")))
            Assert.DoesNotContain(token, await File.ReadAllTextAsync(log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_halt_file_starts_the_node_halted_and_the_error_is_listed_by_errors()
    {
        Directory.CreateDirectory(_paths.DataDir);
        await File.WriteAllTextAsync(_paths.HaltFile, "{ torn");
        await using var node = await NodeProcess.StartAsync(_paths);

        var status = await StatusAsync();
        var errors = await Cli("errors", "--json");

        Assert.True(status.Halted);
        Assert.Equal("fail-closed", status.HaltedBy);
        Assert.Equal(0, errors.ExitCode);
        var listed = JsonSerializer.Deserialize<ErrorsResponse>(errors.Out, ManagementJson.Options)!;
        var entry = Assert.Single(listed.Errors);
        Assert.Contains(_paths.HaltFile, entry.Message, StringComparison.Ordinal);
        Assert.EndsWith("/user/control/state", entry.ActorPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SIGTERM_lets_a_request_in_flight_finish_before_the_node_stops()
    {
        var node = await NodeProcess.StartAsync(_paths);
        await using (node)
        {
            using var request = await InFlightRequest.StartAsync(new Uri(node.Endpoint.Url), ManagementRoutes.Halt, await File.ReadAllTextAsync(_paths.TokenFile), """{"reason": "during shutdown"}""");
            node.Signal();
            // The endpoint file goes just before the web host is told to stop.
            await node.WaitForOutputAsync(_ => !File.Exists(_paths.EndpointFile), "the endpoint file removal");

            var status = await request.FinishAsync();
            await node.WaitForExitAsync(TestKitBase.Dilated(NodeFixturePaths.ShutdownTimeout));

            Assert.Equal("HTTP/1.1 200 OK", status);
            Assert.True(node.ExitCode == 0, node.Output);
        }
        var halted = Assert.IsType<NodeHalted>(Assert.Single(await JournaledControlEventsAsync()));
        Assert.Equal("during shutdown", halted.Reason);
    }

    [Fact]
    public async Task A_second_SIGTERM_forces_the_exit_of_a_shutdown_that_is_stuck()
    {
        // The web host waits (up to this phase's timeout) for the request held open below: shutdown is stuck there.
        await File.AppendAllTextAsync(_paths.ConfigFile, "\nactortrader.shutdown { timeout = 20m, phase-timeouts.before-service-unbind = 10m }");
        await using var node = await NodeProcess.StartAsync(_paths);
        using var request = await InFlightRequest.StartAsync(new Uri(node.Endpoint.Url), ManagementRoutes.Halt, await File.ReadAllTextAsync(_paths.TokenFile), """{"reason": "never sent"}""");
        node.Signal();
        await node.WaitForOutputAsync(o => o.Contains("shutting down", StringComparison.Ordinal) && !File.Exists(_paths.EndpointFile), "the start of the shutdown");

        node.Signal();
        await node.WaitForExitAsync(TestKitBase.Dilated(NodeFixturePaths.ShutdownTimeout));

        Assert.True(node.ExitCode == 130, node.Output);
        Assert.Contains("forcing exit", node.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_halt_is_logged_as_json_with_node_roles_actor_path_and_correlation_id()
    {
        var node = await NodeProcess.StartAsync(_paths);
        await using (node)
        {
            Assert.Equal(0, (await Cli("halt", "--reason", "json log check")).ExitCode);
            await StopAsync(node);
        }

        var events = Directory.GetFiles(Path.Combine(_paths.DataDir, "logs"), "node-*.json")
            .SelectMany(File.ReadAllLines)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToList();
        var halted = Assert.Single(events, e => e.GetProperty("RenderedMessage").GetString()!.StartsWith("Trading halted by", StringComparison.Ordinal));
        var properties = halted.GetProperty("Properties");
        Assert.Equal(NodeFixturePaths.NodeName, properties.GetProperty("Node").GetString());
        Assert.Equal(JsonValueKind.Array, properties.GetProperty("Roles").ValueKind);
        Assert.EndsWith("/user/control/state", properties.GetProperty("ActorPath").GetString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", properties.GetProperty("CorrelationId").GetString());
    }

    /// <summary>The control actor's events, read straight from the node's SQLite journal.</summary>
    private async Task<List<object>> JournaledControlEventsAsync()
    {
        await using var stores = SqliteStoreFactory.Create(new SqliteStoreOptions(Path.Combine(_paths.DataDir, "actortrader.db")));
        await stores.StartAsync();
        var serializer = NodePersistence.CreateSerializer();
        var events = new List<object>();
        await foreach (var e in stores.Journal.ReplayAsync(ControlActor.ControlPersistenceId, 1, long.MaxValue, long.MaxValue))
            events.Add(serializer.Deserialize(e.Manifest, e.Payload, e.PersistenceId, e.SequenceNr));
        return events;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
