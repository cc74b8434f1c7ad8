using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Control;
using ActorTrader.Node.Dashboard;
using ActorTrader.Node.Hosting;
using ActorTrader.Node.Management;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Memory;
using Microsoft.AspNetCore.Builder;
using Serilog;

namespace ActorTrader.Benchmarks.Dashboard;

/// <summary>
/// The node's real management server (Kestrel on loopback, the token check, the dashboard feed refreshing every second)
/// over a <see cref="SyntheticDashboardSource"/>, with a signed-in client.
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    public const string Token = "benchmark-token-0123456789";

    private readonly string _directory;
    private readonly ActorSystem _system;
    private readonly WebApplication _web;

    private DashboardServer(string directory, ActorSystem system, WebApplication web, HttpClient client)
    {
        _directory = directory;
        _system = system;
        _web = web;
        Client = client;
    }

    /// <summary>Authorised with the bearer token; reads go through the same middleware as a browser's.</summary>
    public HttpClient Client { get; }

    public static async Task<DashboardServer> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("actortrader-dashboard-bench-").FullName;
        var file = Path.Combine(directory, "node.conf");
        await File.WriteAllTextAsync(file, $$"""actortrader { node { name = "bench", data-dir = "{{Path.Combine(directory, "data").Replace("\\", "/", StringComparison.Ordinal)}}" }, management.port = 0, logging.console = off }""");
        var loaded = ConfigLoader.Load(new ConfigSources { ConfigFile = file, Environment = new Dictionary<string, string?>(), WorkingDirectory = directory });
        var settings = NodeSettings.FromConfig(loaded);
        var system = ActorSystem.Create("dashboard-bench");
        ActorTrader.Persistence.Persistence.Install(system, PersistenceSetup.InMemory(NodePersistence.CreateSerializer(), new MemoryStorage()));
        var control = system.ActorOf(ControlActor.CreateProps(settings.Control), "control");
        var node = new NodeContext(settings, loaded, control, Token, DateTimeOffset.UtcNow, TimeProvider.System);
        var web = ManagementServer.Build(node, new LoggerConfiguration().CreateLogger(), TimeSpan.FromSeconds(5), new SyntheticDashboardSource());
        await web.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(ManagementServer.BoundUrl(web)) };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + Token);
        return new DashboardServer(directory, system, web, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _web.StopAsync();
        await _web.DisposeAsync();
        await _system.Terminate();
        Directory.Delete(_directory, recursive: true);
    }
}
