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

namespace ActorTrader.Node.Tests.Research;

/// <summary>A node without role research answers every research route with 404, its roles and the fix.</summary>
public sealed class NoResearchRoleTests : TestKit.TestKit, IAsyncLifetime, IDisposable
{
    private const string Token = "test-token-0123456789";
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http = new();
    private WebApplication _web = null!;

    public async Task InitializeAsync()
    {
        var file = _dir.File("node.conf");
        await File.WriteAllTextAsync(file, $$"""actortrader { node { name = "api", roles = [trader], data-dir = "{{_dir.File("data")}}" }, management.port = 0 }""");
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
    [InlineData("GET", ManagementRoutes.ResearchStatus)]
    [InlineData("GET", ManagementRoutes.ResearchCandidates)]
    [InlineData("GET", "/api/research/history/mean_reversion")]
    [InlineData("POST", ManagementRoutes.ResearchStart)]
    [InlineData("POST", ManagementRoutes.ResearchStop)]
    [InlineData("POST", ManagementRoutes.ResearchPromote)]
    public async Task Every_research_route_is_404_naming_the_roles_and_the_fix(string method, string route)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), route.TrimStart('/'));
        if (method == "POST") request.Content = JsonContent.Create(new { }, options: ManagementJson.Options);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<ApiError>(ManagementJson.Options);
        Assert.Contains("does not run research: actortrader.node.roles = [trader]", error!.Error, StringComparison.Ordinal);
        Assert.Contains("Fix: add research to the node's roles", error.Error, StringComparison.Ordinal);
    }
}
