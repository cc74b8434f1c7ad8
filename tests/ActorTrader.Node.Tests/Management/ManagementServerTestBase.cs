using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Control;
using ActorTrader.Node.Hosting;
using ActorTrader.Node.Management;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Memory;
using Microsoft.AspNetCore.Builder;
using Serilog;

namespace ActorTrader.Node.Tests.Management;

/// <summary>
/// The management API of a node with only its control actor (no trading core, no research) on a free loopback port,
/// with an authorised client. <paramref name="nodeSection"/> is the HOCON inside <c>actortrader.node { }</c> after the
/// name and data directory (e.g. its roles).
/// </summary>
public abstract class ManagementServerTestBase(string nodeSection = "") : TestKit.TestKit, IAsyncLifetime, IDisposable
{
    protected const string Token = "test-token-0123456789";
    private readonly TempDirectory _dir = new();
    private WebApplication _web = null!;

    protected HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        var file = _dir.File("node.conf");
        var extra = nodeSection.Length == 0 ? "" : ", " + nodeSection;
        await File.WriteAllTextAsync(file, $$"""actortrader { node { name = "api", data-dir = "{{_dir.File("data")}}"{{extra}} }, management.port = 0 }""");
        var loaded = ConfigLoader.Load(new ConfigSources { ConfigFile = file, Environment = new Dictionary<string, string?>(), WorkingDirectory = _dir.Path });
        var settings = NodeSettings.FromConfig(loaded);
        Persistence.Persistence.Install(Sys, PersistenceSetup.InMemory(NodePersistence.CreateSerializer(), new MemoryStorage()));
        var control = Sys.ActorOf(ControlActor.CreateProps(settings.Control), "control");
        _web = ManagementServer.Build(new NodeContext(settings, loaded, control, Token, DateTimeOffset.UtcNow, TimeProvider.System), new LoggerConfiguration().CreateLogger(), TimeSpan.FromSeconds(5));
        await _web.StartAsync();
        Http.BaseAddress = new Uri(ManagementServer.BoundUrl(_web));
        Http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + Token);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
    }

    public void Dispose()
    {
        Http.Dispose();
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
