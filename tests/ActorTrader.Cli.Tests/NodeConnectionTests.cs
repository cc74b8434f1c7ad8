using System.Net;
using System.Text.Json;
using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Security;

namespace ActorTrader.Cli.Tests;

/// <summary>How the CLI reports an absent node or a rejected token (the real node is exercised in ActorTrader.Node.Tests).</summary>
public sealed class NodeConnectionTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private sealed class FixedHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(respond(request));
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused");
    }

    private sealed class HungHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable: the delay only ends by cancellation");
        }
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }

    [Fact]
    public async Task A_port_0_config_without_an_endpoint_file_says_no_node_is_running()
    {
        var file = _cli.WriteCleanConfig("management.port = 0");

        var (exit, _, error) = await _cli.RunAsync("--config", file, "status");

        Assert.Equal(ExitCodes.NodeNotRunning, exit);
        Assert.Contains("Start one with ./run.sh", error, StringComparison.Ordinal);
        Assert.Contains(file, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_are_listed_from_the_file_when_a_port_0_node_is_not_running()
    {
        var file = _cli.WriteCleanConfig("management.port = 0");
        Directory.CreateDirectory(_cli.DataDir);
        await File.WriteAllTextAsync(Path.Combine(_cli.DataDir, "errors.jsonl"),
            """{"Timestamp":"2026-11-21T10:00:00+00:00","Level":"Error","MessageTemplate":"Broker rejected order 42","RenderedMessage":"Broker rejected order 42","Properties":{}}""" + "\n");

        var (exit, output, error) = await _cli.RunAsync("--config", file, "errors", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Broker rejected order 42", output, StringComparison.Ordinal);
        Assert.Contains("Listing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_errors_file_without_a_node_is_a_one_line_error_with_exit_1()
    {
        var file = _cli.WriteCleanConfig("management.port = 18765");
        TokenFile.EnsureExists(Path.Combine(_cli.DataDir, "management.token"));
        _cli.HttpHandler = () => new RefusingHandler();
        Directory.CreateDirectory(Path.Combine(_cli.DataDir, "errors.jsonl"));   // a directory where the file should be

        var (exit, _, error) = await _cli.RunAsync("--config", file, "errors");

        Assert.Equal(ExitCodes.Problems, exit);
        var last = error.Trim().Split('\n')[^1];
        Assert.StartsWith("error: ", last, StringComparison.Ordinal);
        Assert.Contains("errors.jsonl", last, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_lists_the_nodes_alerts_and_asks_for_the_limit()
    {
        var file = _cli.WriteCleanConfig("management.port = 18765");
        TokenFile.EnsureExists(Path.Combine(_cli.DataDir, "management.token"));
        var asked = new List<string?>();
        _cli.HttpHandler = () => new FixedHandler(request =>
        {
            asked.Add(request.RequestUri?.PathAndQuery);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"alerts":[{"kind":"breaker-trip","severity":"critical","key":"breaker-trip:paper:drawdown","message":"Circuit breaker drawdown tripped","at":"2026-11-21T10:00:00+00:00","repeats":2,"lastAt":"2026-11-21T10:03:00+00:00"}]}""",
                    System.Text.Encoding.UTF8, "application/json"),
            };
        });

        var (exit, output, _) = await _cli.RunAsync("--config", file, "alerts", "--limit", "5");
        var (jsonExit, json, _) = await _cli.RunAsync("--config", file, "alerts", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(["/api/alerts?limit=5", "/api/alerts?limit=50"], asked);
        Assert.Contains("breaker-trip", output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, jsonExit);
        Assert.Contains("\"message\": \"Circuit breaker drawdown tripped\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_names_the_address_and_the_config()
    {
        var file = _cli.WriteCleanConfig("management.port = 18765");
        TokenFile.EnsureExists(Path.Combine(_cli.DataDir, "management.token"));
        _cli.HttpHandler = () => new RefusingHandler();

        var (exit, _, error) = await _cli.RunAsync("--config", file, "halt", "--reason", "x");

        Assert.Equal(ExitCodes.NodeNotRunning, exit);
        Assert.Equal($"No node is answering at http://127.0.0.1:18765/ (from {file}). Start one with ./run.sh", error.Trim());
    }

    [Fact]
    public async Task A_401_names_the_token_file_and_exits_4()
    {
        var file = _cli.WriteCleanConfig("management.port = 18765");
        var tokenFile = Path.Combine(_cli.DataDir, "management.token");
        var (token, _) = TokenFile.EnsureExists(tokenFile);
        string? presented = null;
        _cli.HttpHandler = () => new FixedHandler(request =>
        {
            presented = request.Headers.Authorization?.ToString();
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        });

        var (exit, _, error) = await _cli.RunAsync("--config", file, "status");

        Assert.Equal(ExitCodes.Unauthorized, exit);
        Assert.StartsWith($"401: the node rejected the token in {tokenFile}", error, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error, StringComparison.Ordinal);
        Assert.Equal($"Bearer {token}", presented);
    }

    [Fact]
    public async Task An_unreadable_config_exits_1_before_any_request()
    {
        var file = _cli.WriteCleanConfig("management.port = 99999");
        var requests = 0;
        _cli.HttpHandler = () => new FixedHandler(_ =>
        {
            requests++;
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        var (exit, _, error) = await _cli.RunAsync("--config", file, "status");

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains("actortrader.management.port", error, StringComparison.Ordinal);
        Assert.Equal(0, requests);
    }

    [Fact]
    public async Task A_stale_endpoint_file_of_an_exited_node_says_no_node_is_running_without_calling_its_port()
    {
        var file = _cli.WriteCleanConfig("management.port = 0");
        Directory.CreateDirectory(_cli.DataDir);
        var endpointFile = Path.Combine(_cli.DataDir, "node.endpoint.json");
        // No process has this id: Linux caps pids far below it.
        const int exitedPid = int.MaxValue;
        await File.WriteAllTextAsync(endpointFile, JsonSerializer.Serialize(new NodeEndpoint("http://127.0.0.1:1/", exitedPid, "gone", DateTimeOffset.UnixEpoch), ManagementJson.Options));
        var handler = new CountingHandler();
        _cli.HttpHandler = () => handler;

        var (exit, _, error) = await _cli.RunAsync("--config", file, "status");

        Assert.Equal(ExitCodes.NodeNotRunning, exit);
        Assert.Contains(endpointFile, error, StringComparison.Ordinal);
        Assert.Contains($"process {exitedPid}", error, StringComparison.Ordinal);
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task An_endpoint_file_of_a_running_process_is_used()
    {
        var file = _cli.WriteCleanConfig("management.port = 0");
        Directory.CreateDirectory(_cli.DataDir);
        await File.WriteAllTextAsync(Path.Combine(_cli.DataDir, "node.endpoint.json"),
            JsonSerializer.Serialize(new NodeEndpoint("http://127.0.0.1:1/", Environment.ProcessId, "here", DateTimeOffset.UnixEpoch), ManagementJson.Options));
        TokenFile.EnsureExists(Path.Combine(_cli.DataDir, "management.token"));
        _cli.HttpHandler = () => new RefusingHandler();

        var (exit, _, error) = await _cli.RunAsync("--config", file, "status");

        Assert.Equal(ExitCodes.NodeNotRunning, exit);
        Assert.StartsWith("No node is answering at http://127.0.0.1:1/ (from endpoint file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hung_node_times_out_with_exit_5_naming_the_address()
    {
        var file = _cli.WriteCleanConfig("management.port = 18765");
        TokenFile.EnsureExists(Path.Combine(_cli.DataDir, "management.token"));
        _cli.HttpHandler = () => new HungHandler();
        _cli.RequestTimeout = TimeSpan.FromMilliseconds(200);

        var (exit, _, error) = await _cli.RunAsync("--config", file, "resume");

        Assert.Equal(ExitCodes.NodeError, exit);
        Assert.StartsWith("The node at http://127.0.0.1:18765/ did not answer within 0.2 s.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hung_node_without_a_token_file_says_the_token_file_is_missing()
    {
        var file = _cli.WriteCleanConfig("management.port = 18765");
        _cli.HttpHandler = () => new HungHandler();
        _cli.RequestTimeout = TimeSpan.FromMilliseconds(200);

        var (exit, _, error) = await _cli.RunAsync("--config", file, "status");

        Assert.Equal(ExitCodes.Unauthorized, exit);
        Assert.Contains("management.token does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_error_prints_the_nodes_sentence_not_its_json_and_exits_5()
    {
        var file = _cli.WriteCleanConfig("management.port = 18765");
        TokenFile.EnsureExists(Path.Combine(_cli.DataDir, "management.token"));
        _cli.HttpHandler = () => new FixedHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
        {
            Content = new StringContent("""{"error":"The node's control actor did not answer."}""", System.Text.Encoding.UTF8, "application/json"),
        });

        var (exit, _, error) = await _cli.RunAsync("--config", file, "status");

        Assert.Equal(ExitCodes.NodeError, exit);
        Assert.Equal("503 Service Unavailable from http://127.0.0.1:18765/api/status: The node's control actor did not answer.", error.Trim());
    }
}
