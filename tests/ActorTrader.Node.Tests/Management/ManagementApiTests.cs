using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Control;
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

/// <summary>The management API in-process: Kestrel on a free loopback port, the real control actor, no child process.</summary>
public sealed class ManagementApiTests : TestKit.TestKit, IAsyncLifetime, IDisposable
{
    private const string Token = "test-token-0123456789";
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http = new();
    private WebApplication _web = null!;
    private readonly MemoryStorage _journal = new();
    private NodeSettings _settings = null!;

    public async Task InitializeAsync()
    {
        var file = _dir.File("node.conf");
        await File.WriteAllTextAsync(file, $$"""actortrader { node { name = "api", data-dir = "{{_dir.File("data")}}" }, management.port = 0 }""");
        var loaded = ConfigLoader.Load(new ConfigSources { ConfigFile = file, Environment = new Dictionary<string, string?>(), WorkingDirectory = _dir.Path });
        _settings = NodeSettings.FromConfig(loaded);
        Persistence.Persistence.Install(Sys, PersistenceSetup.InMemory(NodePersistence.CreateSerializer(), _journal));
        var control = Sys.ActorOf(ControlActor.CreateProps(_settings.Control), "control");
        var node = new NodeContext(_settings, loaded, control, Token, DateTimeOffset.UtcNow, TimeProvider.System);
        _web = ManagementServer.Build(node, new LoggerConfiguration().CreateLogger(), TimeSpan.FromSeconds(5));
        await _web.StartAsync();
        _http.BaseAddress = new Uri(ManagementServer.BoundUrl(_web));
    }

    public async Task DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _dir.Dispose();
    }

    private static HttpRequestMessage Post(string route, string body, string? authorization = "Bearer " + Token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, route.TrimStart('/')) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    private static HttpRequestMessage Get(string route, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, route.TrimStart('/'));
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    private async Task<(HttpStatusCode Status, ApiError? Error, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            var response = await _http.SendAsync(request);
            var error = response.Content.Headers.ContentType?.MediaType == "application/json" && response.StatusCode != HttpStatusCode.OK
                ? await response.Content.ReadFromJsonAsync<ApiError>(ManagementJson.Options)
                : null;
            return (response.StatusCode, error, response);
        }
    }

    [Fact]
    public async Task Health_needs_no_token()
    {
        var (status, _, _) = await SendAsync(Get(ManagementRoutes.Health, null));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Basic dGVzdA==")]
    [InlineData("Bearer")]
    [InlineData("Bearer " + Token + ", Bearer " + Token)]
    [InlineData(Token)]
    public async Task A_missing_or_wrong_token_gets_401_naming_the_token_file_never_the_token(string? authorization)
    {
        var (status, error, response) = await SendAsync(Get(ManagementRoutes.Status, authorization));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains(_settings.Management.TokenFile, error!.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bearer " + Token)]
    [InlineData("BEARER " + Token)]
    [InlineData("Bearer   " + Token + "  ")]
    public async Task The_scheme_is_case_insensitive_and_spaces_around_the_token_are_ignored(string authorization)
    {
        var (status, _, _) = await SendAsync(Get(ManagementRoutes.Status, authorization));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task An_unauthenticated_request_with_a_bad_body_gets_401_not_400()
    {
        var (status, _, _) = await SendAsync(Post(ManagementRoutes.Halt, "{ torn", authorization: null));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_halt_body_that_is_not_json_gets_400_with_a_message_and_the_fix()
    {
        var (status, error, _) = await SendAsync(Post(ManagementRoutes.Halt, "{ torn"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("JSON", error!.Error, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Error, StringComparison.Ordinal);
        Assert.Contains(ManagementRoutes.Halt, error.Error, StringComparison.Ordinal);
        Assert.Empty(await JournaledHaltsAsync());
    }

    [Fact]
    public async Task A_halt_reason_of_the_wrong_type_gets_400()
    {
        var (status, error, _) = await SendAsync(Post(ManagementRoutes.Halt, """{"reason": 42}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"reason": "   "}""")]
    [InlineData("")]
    public async Task A_halt_without_a_reason_gets_400_saying_a_reason_is_needed(string body)
    {
        var (status, error, _) = await SendAsync(Post(ManagementRoutes.Halt, body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("needs a reason", error!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_halt_reason_longer_than_the_limit_gets_400()
    {
        var reason = new string('r', ManagementApi.MaxReasonLength + 1);

        var (status, error, _) = await SendAsync(Post(ManagementRoutes.Halt, $$"""{"reason": "{{reason}}"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"at most {ManagementApi.MaxReasonLength}", error!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413()
    {
        var reason = new string('r', (int)ManagementServer.MaxRequestBodyBytes);

        var (status, error, response) = await SendAsync(Post(ManagementRoutes.Halt, $$"""{"reason": "{{reason}}"}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.True(error is not null, $"{response.Content.Headers.ContentType} [{await response.Content.ReadAsStringAsync()}]");
    }

    [Fact]
    public async Task A_halt_with_a_reason_is_acknowledged_and_durable()
    {
        var (status, _, response) = await SendAsync(Post(ManagementRoutes.Halt, """{"reason": "api test"}"""));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((await response.Content.ReadFromJsonAsync<ControlResponse>(ManagementJson.Options))!.Halted);
        Assert.Equal("api test", (await JournaledHaltsAsync()).Single().Reason);
    }

    private async Task<List<NodeHalted>> JournaledHaltsAsync()
    {
        var serializer = NodePersistence.CreateSerializer();
        var halts = new List<NodeHalted>();
        await foreach (var e in new MemoryJournal(_journal).ReplayAsync(ControlActor.ControlPersistenceId, 1, long.MaxValue, long.MaxValue))
            if (serializer.Deserialize(e.Manifest, e.Payload, e.PersistenceId, e.SequenceNr) is NodeHalted halted) halts.Add(halted);
        return halts;
    }
}
