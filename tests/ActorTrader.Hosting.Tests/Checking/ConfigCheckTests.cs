using ActorTrader.Hosting.Checking;
using ActorTrader.Hosting.Settings;

namespace ActorTrader.Hosting.Tests.Checking;

public sealed class ConfigCheckTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string CleanConfig(string extra = "") => $$"""
        actortrader {
          node { name = "check", data-dir = "{{_dir.File("data")}}" }
          {{extra}}
        }
        """;

    private ConfigCheckReport Check(string text, Dictionary<string, string?>? environment = null) =>
        ConfigCheck.Run(Sources.For(_dir, _dir.WriteConfig(text), environment));

    [Fact]
    public void A_clean_configuration_has_no_problems()
    {
        var report = Check(CleanConfig());

        Assert.Empty(report.Problems);
        Assert.True(report.IsClean);
    }

    [Fact]
    public void The_shipped_node_conf_is_clean()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf");

        var report = ConfigCheck.Run(new() { ConfigFile = shipped, Environment = new Dictionary<string, string?>(), WorkingDirectory = _dir.Path });

        Assert.Empty(report.Problems);
    }

    [Fact]
    public void A_malformed_file_is_reported_at_its_line_and_column()
    {
        var path = _dir.WriteConfig("actortrader {\n  node {\n    name = \"unterminated\n  }\n}\n");

        var report = ConfigCheck.Run(Sources.For(_dir, path));

        var problem = Assert.Single(report.Problems);
        Assert.Equal(path, problem.Position?.Source);
        Assert.Equal(3, problem.Position?.Line);
        Assert.StartsWith($"{path}:3:", problem.Location, StringComparison.Ordinal);
        Assert.NotEmpty(problem.Fix);
    }

    [Fact]
    public void A_malformed_file_names_its_position_once()
    {
        var path = _dir.WriteConfig("actortrader {\n  node {\n    name = \"unterminated\n  }\n}\n");

        var problem = Assert.Single(ConfigCheck.Run(Sources.For(_dir, path)).Problems);

        Assert.DoesNotContain(path, problem.Message, StringComparison.Ordinal);
        Assert.Contains("Unterminated", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}:3:", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_is_reported_with_the_closest_known_key()
    {
        var report = Check(CleanConfig("risk.max-postion-weight = 0.2"));

        var problem = Assert.Single(report.Problems);
        Assert.Equal("actortrader.risk.max-postion-weight", problem.Key);
        Assert.Contains("did you mean actortrader.risk.max-position-weight?", problem.Message, StringComparison.Ordinal);
        Assert.Equal(3, problem.Position?.Line);
    }

    [Fact]
    public void An_unknown_key_from_the_environment_is_reported_too()
    {
        var report = Check(CleanConfig(), new() { ["ACTORTRADER__MANAGEMENT__PROT"] = "1" });

        var problem = Assert.Single(report.Problems);
        Assert.Contains("did you mean actortrader.management.port?", problem.Message, StringComparison.Ordinal);
        Assert.Equal("env ACTORTRADER__MANAGEMENT__PROT", problem.Position?.Source);
    }

    [Fact]
    public void A_negative_position_cap_is_reported_with_its_position_and_range()
    {
        var report = Check(CleanConfig("risk.max-position-weight = -0.05"));

        var problem = Assert.Single(report.Problems);
        Assert.Equal("actortrader.risk.max-position-weight", problem.Key);
        Assert.Contains("-0.05", problem.Message, StringComparison.Ordinal);
        Assert.Equal(3, problem.Position?.Line);
        Assert.Contains("greater than 0 and at most 1", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shutdown_timeout_shorter_than_its_phases_together_is_reported()
    {
        var report = Check(CleanConfig("shutdown { timeout = 10s, phase-timeouts.drain = 8s }"));

        var problem = Assert.Single(report.Problems);
        Assert.Equal("actortrader.shutdown.timeout", problem.Key);
        Assert.Contains("Raise actortrader.shutdown.timeout to at least 33 s", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_role_list_is_reported()
    {
        var report = Check(CleanConfig("node.roles = []"));

        var problem = Assert.Single(report.Problems);
        Assert.Equal("actortrader.node.roles", problem.Key);
        Assert.Contains("trader", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unwritable_data_dir_is_reported_naming_what_blocks_it()
    {
        // A regular file where a directory should be blocks even root, unlike permission bits.
        var blocker = _dir.File("not-a-dir");
        File.WriteAllText(blocker, "x");

        var report = Check($$"""actortrader.node.data-dir = "{{blocker}}/data" """);

        var problem = Assert.Single(report.Problems);
        Assert.Equal("actortrader.node.data-dir", problem.Key);
        Assert.Contains($"{blocker} is a file", problem.Message, StringComparison.Ordinal);
        Assert.Equal(1, problem.Position?.Line);
    }

    [Fact]
    public void A_live_broker_without_credentials_is_reported()
    {
        var report = Check(CleanConfig("broker { kind = alpaca, alpaca.live = true }"));

        var problem = Assert.Single(report.Problems);
        Assert.Contains("live (real-money) Alpaca account", problem.Message, StringComparison.Ordinal);
        Assert.Contains("APCA_API_KEY_ID and APCA_API_SECRET_KEY", problem.Message, StringComparison.Ordinal);
        Assert.Equal(3, problem.Position?.Line);
    }

    [Fact]
    public void A_live_broker_with_credentials_in_the_environment_passes_and_no_secret_is_echoed()
    {
        var environment = new Dictionary<string, string?> { ["APCA_API_KEY_ID"] = "AKID-SHOULD-NOT-SHOW", ["APCA_API_SECRET_KEY"] = "SECRET-SHOULD-NOT-SHOW" };

        var report = Check(CleanConfig("broker { kind = alpaca, alpaca.live = true }"), environment);

        Assert.Empty(report.Problems);
    }

    [Fact]
    public void Several_problems_are_all_reported_in_one_run()
    {
        var report = Check(CleanConfig("risk.max-position-weight = -1\n  management.port = -3\n  logging.levle = Debug"));

        Assert.Equal(3, report.Problems.Count);
    }

    [Fact]
    public void A_non_loopback_management_host_is_reported()
    {
        var report = Check(CleanConfig("management.host = \"0.0.0.0\""));

        Assert.Equal("actortrader.management.host", Assert.Single(report.Problems).Key);
    }

    [Fact]
    public void Every_problem_prints_as_position_message_and_fix()
    {
        var problem = Assert.Single(Check(CleanConfig("risk.max-position-weight = -0.05")).Problems);

        Assert.Matches(@"^.+node\.conf:3:\d+: .+ Fix: .+$", problem.ToString());
    }
}
