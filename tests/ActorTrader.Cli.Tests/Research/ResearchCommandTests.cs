namespace ActorTrader.Cli.Tests.Research;

/// <summary>
/// <c>actortrader research</c> in-process over a node directory: start, status, history, candidates, promote and stop,
/// with the errors an operator meets (unknown strategy or candidate, live before paper).
/// </summary>
public sealed class ResearchCommandTests(ResearchCliFixture run) : IClassFixture<ResearchCliFixture>
{
    private const string Strategy = ResearchCliFixture.Strategy;

    [Fact]
    public void Start_json_reports_the_run_it_completed()
    {
        Assert.True(run.StartExit == ExitCodes.Ok, run.StartError);
        var population = Assert.Single(ResearchCliFixture.Json(run.StartOutput).GetProperty("populations").EnumerateArray());
        Assert.Equal(Strategy, population.GetProperty("strategy").GetString());
        Assert.Equal("completed", population.GetProperty("phase").GetString());
        Assert.Equal(2, population.GetProperty("generation").GetInt32());
        Assert.True(population.GetProperty("evaluations").GetInt64() > 0);
    }

    [Fact]
    public async Task Status_json_reads_the_run_back_from_the_journal_with_generation_best_mean_evaluations_and_rate()
    {
        var (output, _) = await run.ExpectAsync(ExitCodes.Ok, "research", "status", "--json");

        var population = Assert.Single(ResearchCliFixture.Json(output).GetProperty("populations").EnumerateArray());
        var started = Assert.Single(ResearchCliFixture.Json(run.StartOutput).GetProperty("populations").EnumerateArray());
        Assert.Equal(started.GetProperty("run_id").GetString(), population.GetProperty("run_id").GetString());
        Assert.Equal(2, population.GetProperty("generation").GetInt32());
        Assert.Equal(started.GetProperty("best").GetDouble(), population.GetProperty("best").GetDouble());
        Assert.Equal(started.GetProperty("mean").GetDouble(), population.GetProperty("mean").GetDouble());
        Assert.Equal(started.GetProperty("evaluations").GetInt64(), population.GetProperty("evaluations").GetInt64());
        Assert.True(population.GetProperty("evaluations_per_s").GetDouble() > 0);
    }

    [Fact]
    public async Task Status_text_is_a_table_with_one_row_per_population()
    {
        var (output, _) = await run.ExpectAsync(ExitCodes.Ok, "research", "status");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Research window: 20:00–06:00 America/New_York", lines[0]);
        Assert.StartsWith("strategy", lines[1]);
        Assert.Contains("completed", lines[2]);
        Assert.Contains("2/2", lines[2]);
    }

    [Fact]
    public async Task History_json_gives_best_and_mean_fitness_per_generation()
    {
        var (output, _) = await run.ExpectAsync(ExitCodes.Ok, "research", "history", Strategy, "--json");

        var history = ResearchCliFixture.Json(output);
        var generations = history.GetProperty("generations").EnumerateArray().ToList();
        Assert.Equal([0, 1], generations.Select(g => g.GetProperty("generation").GetInt32()));
        Assert.All(generations, g => Assert.True(g.GetProperty("best").GetDouble() >= g.GetProperty("mean").GetDouble()));
        Assert.Equal(0, history.GetProperty("stagnation_events").GetArrayLength());
    }

    [Fact]
    public async Task History_of_an_unknown_strategy_is_a_usage_error_naming_the_closest_one()
    {
        var (_, error) = await run.ExpectAsync(ExitCodes.Usage, "research", "history", "relative_volume_breakot");

        Assert.Contains("Unknown strategy \"relative_volume_breakot\"; did you mean relative_volume_breakout?", error);
    }

    [Fact]
    public async Task Starting_an_unknown_strategy_is_a_usage_error_naming_the_closest_one()
    {
        var (_, error) = await run.ExpectAsync(ExitCodes.Usage, "research", "start", "--strategy", "mean_revrsion");

        Assert.Contains("did you mean mean_reversion?", error);
    }

    [Fact]
    public async Task Promoting_an_unknown_candidate_is_a_usage_error()
    {
        var (_, error) = await run.ExpectAsync(ExitCodes.Usage, "research", "promote", "nobody-00000000", "--to", "live");

        Assert.Contains("Unknown candidate \"nobody-00000000\"", error);
    }

    [Fact]
    public async Task Promoting_a_candidate_to_live_before_it_ran_on_paper_is_refused_with_the_reason()
    {
        var (list, _) = await run.ExpectAsync(ExitCodes.Ok, "research", "candidates", "--json");
        var id = ResearchCliFixture.Json(list).GetProperty("candidates").EnumerateArray()
            .First(c => c.GetProperty("stage").GetString() == "validated").GetProperty("id").GetString()!;

        var (_, error) = await run.ExpectAsync(ExitCodes.Problems, "research", "promote", id, "--to", "live");

        Assert.StartsWith($"Refused: candidate {id} is validated but has not run on paper", error);
    }

    [Fact]
    public async Task Candidates_json_lists_each_proposal_with_its_out_of_sample_evidence()
    {
        var (output, _) = await run.ExpectAsync(ExitCodes.Ok, "research", "candidates", "--json");

        var candidates = ResearchCliFixture.Json(output).GetProperty("candidates").EnumerateArray().ToList();
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c =>
        {
            Assert.StartsWith(Strategy + "-", c.GetProperty("id").GetString());
            Assert.Contains(c.GetProperty("stage").GetString(), new[] { "validated", "rejected" });
            Assert.Equal(System.Text.Json.JsonValueKind.Object, c.GetProperty("validation").ValueKind);
            Assert.True(c.GetProperty("fitness").GetDouble() >= 1.0);
        });
    }

    [Fact]
    public async Task A_bad_research_setting_stops_every_command_with_its_position_and_fix()
    {
        using var cli = new CliHarness();
        cli.Environment["ACTORTRADER_CONFIG"] = cli.WriteCleanConfig("management.port = 0\nresearch.parallelism = 0");

        var (exit, _, error) = await cli.RunAsync("research", "status");

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains("actortrader.research.parallelism = 0 is out of range", error);
        Assert.Contains("node.conf:", error);
    }
}
