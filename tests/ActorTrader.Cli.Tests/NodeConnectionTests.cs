using System.Net;
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
}
