using System.Net;
using System.Text.Json;
using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Security;

namespace ActorTrader.Cli.Tests.Research;

/// <summary>
/// <c>actortrader research</c> with a node running: a node with role research is asked over its management API (nothing
/// runs in this process, no journal is opened); a node without the role leaves the command to run in this process.
/// </summary>
public sealed class ResearchOnNodeTests : IDisposable
{
    private const string Strategy = ResearchCliFixture.Strategy;
    private readonly CliHarness _cli = new();

    public ResearchOnNodeTests()
    {
        _cli.Environment["ACTORTRADER_CONFIG"] = _cli.WriteCleanConfig(ResearchCliFixture.Research + Environment.NewLine + "management.port = 18766");
        TokenFile.EnsureExists(Path.Combine(_cli.DataDir, "management.token"));
    }

    public void Dispose() => _cli.Dispose();

    private string JournalFile => Path.Combine(_cli.DataDir, "actortrader.db");

    private FakeResearchNode Node(params string[] roles) => Use(new FakeResearchNode(roles));

    private FakeResearchNode Use(FakeResearchNode node)
    {
        _cli.HttpHandler = () => node;
        return node;
    }

    private static ResearchStatusResponse Status(string phase, int generation) => new("always open", true, true, null,
        [new ResearchPopulationView(Strategy, "20261121T220000Z-1", phase, generation, 5.25, 1.5, 6.5, 240, 12.345, 50, "low-vol", "abc123", null)]);

    [Fact]
    public async Task Status_json_prints_the_populations_of_the_research_node_without_opening_the_journal()
    {
        var node = Node("research");
        node.Answers[$"GET {ManagementRoutes.ResearchStatus}"] = (HttpStatusCode.OK, Status("evolving", 7));

        var (exit, output, error) = await _cli.RunAsync("research", "status", "--json");

        Assert.True(exit == ExitCodes.Ok, error);
        var population = Assert.Single(ResearchCliFixture.Json(output).GetProperty("populations").EnumerateArray());
        Assert.Equal(("evolving", 7, 5.25, 240L, 12.345), (population.GetProperty("phase").GetString(), population.GetProperty("generation").GetInt32(),
            population.GetProperty("best").GetDouble(), population.GetProperty("evaluations").GetInt64(), population.GetProperty("evaluations_per_s").GetDouble()));
        Assert.False(File.Exists(JournalFile), "With a research node running the CLI must not open the journal itself.");
    }

    [Fact]
    public async Task Start_sends_the_strategies_generations_and_new_run_to_the_node_and_returns_with_its_runs()
    {
        var node = Node("trader", "research");
        node.Answers[$"POST {ManagementRoutes.ResearchStart}"] = (HttpStatusCode.OK,
            new ResearchStartResponse(true, "Evolving.", [new ResearchRunView(Strategy, "20261121T220000Z-2", true)]));

        var (exit, output, error) = await _cli.RunAsync("research", "start", "--strategy", Strategy, "--generations", "3", "--new");

        Assert.True(exit == ExitCodes.Ok, error);
        var sent = JsonSerializer.Deserialize<ResearchStartRequest>(Assert.Single(node.Requests, r => r.Route.StartsWith("POST", StringComparison.Ordinal)).Body, ManagementJson.Options)!;
        Assert.Equal([Strategy], sent.Strategies!);
        Assert.Equal((3, true), (sent.Generations, sent.New));
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{Strategy}: new run 20261121T220000Z-2", lines[0]);
        Assert.StartsWith("Node fake (", lines[1], StringComparison.Ordinal);
        Assert.False(File.Exists(JournalFile));
    }

    [Fact]
    public async Task A_start_the_node_refuses_exits_1_with_its_reason()
    {
        var node = Node("research");
        node.Answers[$"POST {ManagementRoutes.ResearchStart}"] = (HttpStatusCode.Conflict, new ResearchStartResponse(false, "No strategies to evolve.", []));

        var (exit, _, error) = await _cli.RunAsync("research", "start");

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains("No strategies to evolve.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strategy_the_node_does_not_know_is_a_usage_error_with_the_nodes_message()
    {
        var node = Node("research");
        node.Answers[$"GET {ManagementRoutes.ResearchHistoryOf("relative_volume_breakot")}"] = (HttpStatusCode.NotFound,
            new ApiError("Unknown strategy \"relative_volume_breakot\"; did you mean relative_volume_breakout?"));

        var (exit, _, error) = await _cli.RunAsync("research", "history", "relative_volume_breakot");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("did you mean relative_volume_breakout?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_sends_the_candidate_target_and_operator_and_a_refusal_exits_1_with_the_reason()
    {
        var node = Node("research");
        node.Answers[$"POST {ManagementRoutes.ResearchPromote}"] = (HttpStatusCode.Conflict,
            new ResearchPromotionResponse(false, "Refused: candidate rvb-1 is validated, not on paper.", null));

        var (exit, _, error) = await _cli.RunAsync("research", "promote", "rvb-1", "--to", "live");

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.StartsWith("Refused: candidate rvb-1", error, StringComparison.Ordinal);
        var sent = JsonSerializer.Deserialize<ResearchPromoteRequest>(Assert.Single(node.Requests, r => r.Route.StartsWith("POST", StringComparison.Ordinal)).Body, ManagementJson.Options)!;
        Assert.Equal(("rvb-1", "live"), (sent.Id, sent.To));
        Assert.False(string.IsNullOrWhiteSpace(sent.Operator));
    }

    [Fact]
    public async Task History_json_prints_the_nodes_generations()
    {
        var node = Node("research");
        node.Answers[$"GET {ManagementRoutes.ResearchHistoryOf(Strategy)}"] = (HttpStatusCode.OK, new ResearchHistoryResponse(Strategy, "run-1",
            [new ResearchGenerationView(0, 2.5, 1.0, 2.5, 0.1, 0.3, "none", 12, 12), new ResearchGenerationView(1, 2.5, 1.2, 2.5, 0.125, 0.25, "inject-diversity", 10, 22)],
            [new ResearchStagnationView(1, "inject-diversity", 2.5)]));

        var (exit, output, error) = await _cli.RunAsync("research", "history", Strategy, "--json");

        Assert.True(exit == ExitCodes.Ok, error);
        var history = ResearchCliFixture.Json(output);
        Assert.Equal(["-", "inject-diversity"], history.GetProperty("generations").EnumerateArray().Select(g => g.GetProperty("stagnation").GetString()));
        Assert.Equal("inject-diversity", Assert.Single(history.GetProperty("stagnation_events").EnumerateArray()).GetProperty("event").GetString());
    }

    [Fact]
    public async Task A_node_without_the_research_role_leaves_the_command_to_this_process_and_says_so()
    {
        var node = Node("trader");

        var (exit, output, error) = await _cli.RunAsync("research", "status");

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("Node fake at http://127.0.0.1:18766/ does not run research (roles: trader); running research in this process", error, StringComparison.Ordinal);
        Assert.StartsWith("Research window: 20:00–06:00 America/New_York", output, StringComparison.Ordinal);
        Assert.Contains("(this process runs research when asked", output, StringComparison.Ordinal);
        Assert.DoesNotContain(node.Requests, r => r.Route.Contains("/api/research/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_node_running_a_replay_leaves_the_command_to_this_process_and_says_so()
    {
        var node = Use(new FakeResearchNode("trader", "research") { TradingMode = "replay" });

        var (exit, output, error) = await _cli.RunAsync("research", "status", "--json");

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("Node fake at http://127.0.0.1:18766/ runs a replay, which runs no research; running research in this process", error, StringComparison.Ordinal);
        Assert.Equal("not-started", Assert.Single(ResearchCliFixture.Json(output).GetProperty("populations").EnumerateArray()).GetProperty("phase").GetString());
        Assert.DoesNotContain(node.Requests, r => r.Route.Contains("/api/research/", StringComparison.Ordinal));
    }
}
