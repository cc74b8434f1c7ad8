using System.Net;
using System.Net.Http.Json;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Control;
using ActorTrader.Node.Hosting;
using ActorTrader.Node.Management;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Memory;
using Microsoft.AspNetCore.Builder;
using Serilog;

namespace ActorTrader.Node.Tests.Management;

/// <summary>A node without a trading core answers the trading routes with 503 and the fix, and its status has no trading part.</summary>
public sealed class NoTradingCoreTests : TestKit.TestKit, IAsyncLifetime, IDisposable
{
    private const string Token = "test-token-0123456789";
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http = new();
    private WebApplication _web = null!;

    public async Task InitializeAsync()
    {
        var file = _dir.File("node.conf");
        await File.WriteAllTextAsync(file, $$"""actortrader { node { name = "api", data-dir = "{{_dir.File("data")}}" }, management.port = 0 }""");
        var loaded = ConfigLoader.Load(new ConfigSources { ConfigFile = file, Environment = new Dictionary<string, string?>(), WorkingDirectory = _dir.Path });
        var settings = NodeSettings.FromConfig(loaded);
        Persistence.Persistence.Install(Sys, PersistenceSetup.InMemory(NodePersistence.CreateSerializer(), new MemoryStorage()));
        var control = Sys.ActorOf(ControlActor.CreateProps(settings.Control), "control");
        _web = ManagementServer.Build(new NodeContext(settings, loaded, control, Token, DateTimeOffset.UtcNow, TimeProvider.System), new LoggerConfiguration().CreateLogger(), TimeSpan.FromSeconds(5));
        await _web.StartAsync();
        _http.BaseAddress = new Uri(ManagementServer.BoundUrl(_web));
        _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + Token);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [InlineData(ManagementRoutes.Positions)]
    [InlineData(ManagementRoutes.Orders)]
    [InlineData(ManagementRoutes.Pnl)]
    public async Task A_trading_route_without_a_trading_core_gets_503_with_the_fix(string route)
    {
        using var response = await _http.GetAsync(route.TrimStart('/'));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<ApiError>(ManagementJson.Options);
        Assert.Contains("./run.sh", error!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_of_a_node_without_a_trading_core_has_no_trading_part()
    {
        var status = await _http.GetFromJsonAsync<NodeStatus>(ManagementRoutes.Status.TrimStart('/'), ManagementJson.Options);

        Assert.Null(status!.Trading);
    }
}
