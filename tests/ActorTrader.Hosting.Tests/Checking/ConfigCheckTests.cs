using ActorTrader.Hosting.Checking;

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
    public void An_unknown_forecasting_model_is_reported_by_config_check()
    {
        var report = Check(CleanConfig("forecasting.router.primary = lstm"));

        var problem = Assert.Single(report.Problems);
        Assert.Equal("actortrader.forecasting.router.primary", problem.Key);
        Assert.Equal(3, problem.Position?.Line);
        Assert.Contains("naive, arima, garch, gjr-garch, ssa, holt-winters", problem.Fix, StringComparison.Ordinal);
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

    [Fact]
    public void A_postgresql_journal_without_a_connection_string_is_reported_at_the_journal_line_with_the_fix()
    {
        var report = Check(CleanConfig("persistence.journal = postgresql"));

        var problem = Assert.Single(report.Problems);
        Assert.Equal("actortrader.persistence.postgresql.connection-string", problem.Key);
        Assert.Equal(_dir.File("node.conf"), problem.Position?.Source);
        Assert.Equal(3, problem.Position?.Line);
        Assert.Contains("actortrader.persistence.postgresql.connection-string is not set", problem.Message, StringComparison.Ordinal);
        Assert.Contains("ACTORTRADER_POSTGRES", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_postgresql_journal_with_ACTORTRADER_POSTGRES_passes_without_a_sqlite_check()
    {
        var blocker = _dir.File("not-a-dir");
        File.WriteAllText(blocker, "x");
        var environment = new Dictionary<string, string?> { ["ACTORTRADER_POSTGRES"] = "Host=localhost;Username=at;Password=PASSWORD-SHOULD-NOT-SHOW" };

        var report = Check(CleanConfig($$"""persistence { journal = postgresql, sqlite.path = "{{blocker}}/db/actortrader.db" }"""), environment);

        Assert.Empty(report.Problems);
    }

    [Fact]
    public void A_connection_string_written_in_the_node_file_is_not_an_unknown_key()
    {
        var report = Check(CleanConfig("persistence { journal = postgresql, postgresql.connection-string = \"Host=localhost\" }"));

        Assert.Empty(report.Problems);
    }

    [Fact]
    public void A_bad_persistence_value_is_reported_with_its_position()
    {
        var report = Check(CleanConfig("persistence.recovery.timeout = soon"));

        var problem = Assert.Single(report.Problems);
        Assert.Equal("actortrader.persistence.recovery.timeout", problem.Key);
        Assert.Equal(3, problem.Position?.Line);
        Assert.Contains("\"soon\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_type_names_its_position_once()
    {
        var problem = Assert.Single(Check(CleanConfig("persistence.recovery.timeout = soon")).Problems);

        Assert.DoesNotContain(_dir.File("node.conf"), problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{_dir.File("node.conf")}:3:", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unwritable_sqlite_directory_is_reported_naming_what_blocks_it()
    {
        var blocker = _dir.File("not-a-dir");
        File.WriteAllText(blocker, "x");

        var report = Check(CleanConfig($$"""persistence.sqlite.path = "{{blocker}}/db/actortrader.db" """));

        var problem = Assert.Single(report.Problems);
        Assert.Equal("actortrader.persistence.sqlite.path", problem.Key);
        Assert.Contains($"{blocker} is a file", problem.Message, StringComparison.Ordinal);
        Assert.Equal(3, problem.Position?.Line);
    }

    [Fact]
    public void The_sqlite_directory_is_not_checked_when_another_journal_is_chosen()
    {
        var blocker = _dir.File("not-a-dir");
        File.WriteAllText(blocker, "x");

        var report = Check(CleanConfig($$"""persistence { journal = memory, sqlite.path = "{{blocker}}/db/actortrader.db" }"""));

        Assert.Empty(report.Problems);
    }

    [Fact]
    public void A_zero_ingestion_parallelism_is_reported_with_its_position()
    {
        var report = Check(CleanConfig("data.ingestion.parallelism = 0"));

        var problem = Assert.Single(report.Problems);
        Assert.Equal("actortrader.data.ingestion.parallelism", problem.Key);
        Assert.Equal(3, problem.Position?.Line);
        Assert.Contains("from 1 to 1024", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_duration_in_data_ingestion_is_reported_with_its_position()
    {
        var report = Check(CleanConfig("data.ingestion.retry-backoff = later"));

        var problem = Assert.Single(report.Problems);
        Assert.Equal("actortrader.data.ingestion.retry-backoff", problem.Key);
        Assert.Equal(3, problem.Position?.Line);
    }

    [Fact]
    public void An_unknown_data_provider_is_reported_with_the_known_ones()
    {
        var report = Check(CleanConfig("data.provider = polygon"));

        var problem = Assert.Single(report.Problems);
        Assert.Equal("actortrader.data.provider", problem.Key);
        Assert.Contains("synthetic, csv, alpaca", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_alpaca_data_provider_without_credentials_is_reported_naming_the_variables()
    {
        var report = Check(CleanConfig("data.provider = alpaca"), new() { ["APCA_API_KEY_ID"] = "AKID-SHOULD-NOT-SHOW" });

        var problem = Assert.Single(report.Problems);
        Assert.Equal("actortrader.data.provider", problem.Key);
        Assert.Contains("APCA_API_SECRET_KEY is not set", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AKID-SHOULD-NOT-SHOW", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_both_the_node_and_data_readers_find_is_reported_once()
    {
        var report = Check(CleanConfig().Replace($"data-dir = \"{_dir.File("data")}\"", "data-dir = \"\"", StringComparison.Ordinal));

        var problem = Assert.Single(report.Problems);
        Assert.Equal("actortrader.node.data-dir", problem.Key);
    }

    [Fact]
    public void A_contradictory_scanner_in_the_scanners_dir_is_reported_at_its_line()
    {
        var scanners = Directory.CreateDirectory(_dir.File("scanners")).FullName;
        var scanner = Path.Combine(scanners, "falling.conf");
        File.WriteAllText(scanner, "scanner {\n  name = falling\n  direction = long\n  universe { symbols = [\"NYSE:IBM\"] }\n  filters { momentum { max = -0.1, window-days = 20 } }\n}\n");

        var report = Check(CleanConfig($$"""data.scanners.dir = "{{scanners}}" """));

        var problem = Assert.Single(report.Problems);
        Assert.Equal(scanner, problem.Position?.Source);
        Assert.Equal(3, problem.Position?.Line);
        Assert.Contains("contradicts filters.momentum.max", problem.Message, StringComparison.Ordinal);
        Assert.NotEmpty(problem.Fix);
    }

    [Fact]
    public void Clean_scanners_in_the_scanners_dir_pass()
    {
        var scanners = Directory.CreateDirectory(_dir.File("scanners")).FullName;
        File.WriteAllText(Path.Combine(scanners, "rising.conf"), "scanner {\n  name = rising\n  universe { symbols = [\"NYSE:IBM\"] }\n  filters { momentum { min = 0.1, window-days = 20 } }\n}\n");

        var report = Check(CleanConfig($$"""data.scanners.dir = "{{scanners}}" """));

        Assert.Empty(report.Problems);
    }

    [Fact]
    public void A_scanners_dir_the_operator_named_that_does_not_exist_is_reported()
    {
        var missing = _dir.File("no-such-scanners");

        var report = Check(CleanConfig($$"""data.scanners.dir = "{{missing}}" """));

        var problem = Assert.Single(report.Problems);
        Assert.Equal("actortrader.data.scanners.dir", problem.Key);
        Assert.Contains(missing, problem.Message, StringComparison.Ordinal);
        Assert.Equal(3, problem.Position?.Line);
    }

    [Fact]
    public void The_shipped_node_conf_with_the_shipped_scanners_is_clean()
    {
        // Laid out as in the repository, so the default scanners dir (hocon/scanners) is found and linted.
        var scanners = Directory.CreateDirectory(Path.Combine(_dir.Path, "hocon", "scanners")).FullName;
        var shipped = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "hocon", "scanners"), "*.conf");
        Assert.NotEmpty(shipped);
        foreach (var file in shipped) File.Copy(file, Path.Combine(scanners, Path.GetFileName(file)));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf"), Path.Combine(_dir.Path, "hocon", "node.conf"));

        var report = ConfigCheck.Run(new() { Environment = new Dictionary<string, string?>(), WorkingDirectory = _dir.Path });

        Assert.Empty(report.Problems);
    }
}
