using System.Net;
using System.Net.Http.Json;
using ActorTrader.Actors;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Control;
using ActorTrader.Node.Hosting;
using ActorTrader.Node.Management;
using ActorTrader.Node.Research;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Memory;
using ActorTrader.Research.Actors;
using Microsoft.AspNetCore.Builder;
using Serilog;

namespace ActorTrader.Node.Tests.Research;

/// <summary>
/// The research endpoints in-process: Kestrel on a free loopback port, the real research supervisor over an in-memory
/// journal on the planted market (one strategy, 8 genomes, 2 generations), not following the window so nothing evolves
/// until a request asks.
/// </summary>
public sealed class ResearchApiTests : TestKit.TestKit, IAsyncLifetime, IDisposable
{
    private const string Token = "test-token-0123456789";
    private const string Strategy = "relative_volume_breakout";
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http = new();
    private readonly MemoryStorage _journal = new();
    private WebApplication _web = null!;
    private IActorRef _supervisor = null!;

    public async Task InitializeAsync()
    {
        var file = _dir.File("node.conf");
        await File.WriteAllTextAsync(file, $$"""
            actortrader {
              node { name = "api", roles = [research], data-dir = "{{_dir.File("data")}}" }
              management.port = 0
              research {
                strategies = [{{Strategy}}]
                generations = 2
                breeding.population-size = 8
                # Bars low enough for the planted market's short out-of-sample third, so a candidate is validated and
                # live is refused because it has not run on paper.
                promotion { candidate-min-fitness = 1.0, min-trades = 5, significance = 0.2 }
                data { source = planted, in-sample-fraction = 0.6667 }
              }
            }
            """);
        var loaded = ConfigLoader.Load(new ConfigSources { ConfigFile = file, Environment = new Dictionary<string, string?>(), WorkingDirectory = _dir.Path });
        var settings = NodeSettings.FromConfig(loaded);
        var research = NodeResearchSettings.Read(loaded);
        Persistence.Persistence.Install(Sys, PersistenceSetup.InMemory(NodePersistence.CreateSerializer(), _journal));
        var control = Sys.ActorOf(ControlActor.CreateProps(settings.Control), "control");
        var services = ResearchServices.Create(Sys, research.Research, research.Data, research.Strategies) with { FollowWindow = false };
        _supervisor = Sys.ActorOf(ResearchSupervisor.CreateProps(research.Research, services), ResearchSupervisor.ActorName);
        var node = new NodeContext(settings, loaded, control, Token, DateTimeOffset.UtcNow, TimeProvider.System)
        {
            Research = new NodeResearch(_supervisor, Dilated(TimeSpan.FromSeconds(30))),
        };
        _web = ManagementServer.Build(node, new LoggerConfiguration().CreateLogger(), TimeSpan.FromSeconds(5));
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

    private static string Route(string route) => route.TrimStart('/');

    private async Task<(HttpStatusCode Status, T Body)> PostAsync<T>(string route, object body)
    {
        using var response = await _http.PostAsJsonAsync(Route(route), body, ManagementJson.Options);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<T>(ManagementJson.Options))!);
    }

    private async Task<(HttpStatusCode Status, T Body)> GetAsync<T>(string route)
    {
        using var response = await _http.GetAsync(Route(route));
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<T>(ManagementJson.Options))!);
    }

    /// <summary>Starts <paramref name="generations"/> generations and waits until the population is idle again.</summary>
    private async Task<ResearchStartResponse> EvolveAsync(int generations)
    {
        var (status, started) = await PostAsync<ResearchStartResponse>(ManagementRoutes.ResearchStart, new ResearchStartRequest(null, generations, false));
        Assert.Equal(HttpStatusCode.OK, status);
        await _supervisor.Ask<ResearchStatus>(WhenResearchIdle.Instance, Dilated(RunLimit));
        return started;
    }

    [Fact]
    public async Task Status_before_any_run_lists_each_configured_strategy_as_not_started()
    {
        var (status, body) = await GetAsync<ResearchStatusResponse>(ManagementRoutes.ResearchStatus);

        Assert.Equal(HttpStatusCode.OK, status);
        var population = Assert.Single(body.Populations);
        Assert.Equal((Strategy, "not-started", 0, (string?)null), (population.Strategy, population.Phase, population.Generation, population.RunId));
    }

    [Fact]
    public async Task Start_begins_a_new_run_whose_generation_best_mean_evaluations_and_rate_status_reports()
    {
        var started = await EvolveAsync(1);
        var (_, body) = await GetAsync<ResearchStatusResponse>(ManagementRoutes.ResearchStatus);

        var run = Assert.Single(started.Runs);
        Assert.True(started.Accepted && run.New, started.Message);
        var population = Assert.Single(body.Populations);
        Assert.Equal((run.RunId, "idle", 1), (population.RunId, population.Phase, population.Generation));
        Assert.NotNull(population.Best);
        Assert.True(population.Best >= population.Mean);
        Assert.True(population.Evaluations > 0 && population.EvaluationsPerSecond > 0);
    }

    [Fact]
    public async Task History_gives_best_and_mean_fitness_per_generation_of_the_run()
    {
        var started = await EvolveAsync(2);

        var (status, history) = await GetAsync<ResearchHistoryResponse>(ManagementRoutes.ResearchHistoryOf(Strategy));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(started.Runs[0].RunId, history.RunId);
        Assert.Equal([0, 1], history.Generations.Select(g => g.Generation));
        Assert.All(history.Generations, g => Assert.True(g.Best >= g.Mean));
    }

    [Fact]
    public async Task History_of_an_unknown_strategy_is_404_naming_the_closest_one()
    {
        var (status, error) = await GetAsync<ApiError>(ManagementRoutes.ResearchHistoryOf("relative_volume_breakot"));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("did you mean relative_volume_breakout?", error.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_an_unknown_strategy_is_404_naming_the_closest_one()
    {
        var (status, error) = await PostAsync<ApiError>(ManagementRoutes.ResearchStart, new ResearchStartRequest(["mean_revrsion"], null, false));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("did you mean mean_reversion?", error.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_a_negative_number_of_generations_is_400_with_the_fix()
    {
        var (status, error) = await PostAsync<ApiError>(ManagementRoutes.ResearchStart, new ResearchStartRequest(null, -1, false));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Fix:", error.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_journals_the_operators_stop_and_names_the_stopped_strategies()
    {
        var (status, stopped) = await PostAsync<ResearchStopResponse>(ManagementRoutes.ResearchStop, new ResearchStopRequest(null, "alice"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([Strategy], stopped.Stopped);
        var serializer = NodePersistence.CreateSerializer();
        var events = new List<object>();
        await foreach (var e in new MemoryJournal(_journal).ReplayAsync(ResearchSupervisor.SupervisorPersistenceId, 1, long.MaxValue, long.MaxValue))
            events.Add(serializer.Deserialize(e.Manifest, e.Payload, e.PersistenceId, e.SequenceNr));
        var journaled = Assert.IsType<ResearchStopped>(Assert.Single(events));
        Assert.Equal((Strategy, "alice"), (journaled.Strategy, journaled.By));
    }

    [Fact]
    public async Task Candidates_list_each_proposal_of_a_run_with_its_out_of_sample_evidence()
    {
        await EvolveAsync(2);

        var candidates = await ValidatedCandidatesAsync();

        Assert.All(candidates, c =>
        {
            Assert.StartsWith(Strategy + "-", c.Id, StringComparison.Ordinal);
            Assert.Contains(c.Stage, new[] { "validated", "rejected" });
            Assert.NotNull(c.Validation);
            Assert.NotEmpty(c.Parameters);
        });
    }

    [Fact]
    public async Task Promoting_a_candidate_to_live_before_it_ran_on_paper_is_409_with_the_reason()
    {
        await EvolveAsync(2);
        var id = (await ValidatedCandidatesAsync()).First(c => c.Stage == "validated").Id;

        var (status, result) = await PostAsync<ResearchPromotionResponse>(ManagementRoutes.ResearchPromote, new ResearchPromoteRequest(id, "live", "alice"));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.False(result.Accepted);
        Assert.StartsWith($"Refused: candidate {id} is validated but has not run on paper", result.Message, StringComparison.Ordinal);
        Assert.Equal(id, result.Candidate?.Id);
    }

    [Fact]
    public async Task Promoting_an_unknown_candidate_is_404()
    {
        var (status, error) = await PostAsync<ApiError>(ManagementRoutes.ResearchPromote, new ResearchPromoteRequest("nobody-00000000", "paper", "alice"));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Unknown candidate \"nobody-00000000\"", error.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "paper", "alice", "candidate's id")]
    [InlineData("some-id", "mars", "alice", "not a promotion target")]
    [InlineData("some-id", "live", " ", "operator")]
    public async Task A_promotion_without_an_id_a_target_of_paper_or_live_or_an_operator_is_400(string? id, string to, string by, string named)
    {
        var (status, error) = await PostAsync<ApiError>(ManagementRoutes.ResearchPromote, new ResearchPromoteRequest(id, to, by));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(named, error.Error, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_research_route_without_the_token_is_401()
    {
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };

        using var response = await anonymous.GetAsync(Route(ManagementRoutes.ResearchStatus));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>The run's candidates once each has its validation: proposals are validated off the populations, after the generation that proposed them.</summary>
    private async Task<IReadOnlyList<ResearchCandidateView>> ValidatedCandidatesAsync()
    {
        IReadOnlyList<ResearchCandidateView> candidates = [];
        await AwaitAssertAsync(async () =>
        {
            var (status, list) = await GetAsync<ResearchCandidatesResponse>(ManagementRoutes.ResearchCandidates);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.NotEmpty(list.Candidates);
            Assert.All(list.Candidates, c => Assert.NotEqual("candidate", c.Stage));
            candidates = list.Candidates;
        }, Dilated(RunLimit));
        return candidates;
    }
}
