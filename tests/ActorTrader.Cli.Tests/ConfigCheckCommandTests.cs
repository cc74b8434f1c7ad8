namespace ActorTrader.Cli.Tests;

public sealed class ConfigCheckCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_clean_config_exits_0()
    {
        var file = _cli.WriteCleanConfig();

        var (exit, output, _) = await _cli.RunAsync("config-check", "--config", file);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal($"OK: {file} has no problems.", output.Trim());
    }

    [Theory]
    [InlineData("node.name = \"unterminated", ":3:")]
    [InlineData("risk.max-positon-weight = 0.1", "did you mean actortrader.risk.max-position-weight?")]
    [InlineData("risk.max-position-weight = -0.2", "actortrader.risk.max-position-weight = -0.2 is out of range")]
    [InlineData("broker { kind = alpaca, alpaca.live = true }", "APCA_API_KEY_ID and APCA_API_SECRET_KEY")]
    [InlineData("persistence.journal = postgresql", "actortrader.persistence.postgresql.connection-string is not set")]
    [InlineData("data.ingestion.parallelism = 0", "actortrader.data.ingestion.parallelism = 0 is out of range")]
    [InlineData("data.ingestion.retry-backoff = later", "actortrader.data.ingestion.retry-backoff must be a duration")]
    [InlineData("data.provider = polygon", "actortrader.data.provider = \"polygon\" is not a known provider")]
    [InlineData("trading.account.require-reconciliation = off", "actortrader.trading.account.require-reconciliation = off is not allowed")]
    [InlineData("trading.ledger.account-kind = marign", "actortrader.trading.ledger.account-kind = \"marign\" is not an account kind")]
    [InlineData("trading.day.rebalance.at = \"17:00\"", "actortrader.trading.day.rebalance.at = \"17:00\" is not between pre-market")]
    [InlineData("broker.paper.commission-bps = -1", "actortrader.broker.paper.commission-bps = -1 is out of range")]
    public async Task Each_problem_exits_1_and_is_printed_with_its_position_and_fix(string extra, string expected)
    {
        var file = _cli.WriteCleanConfig(extra);

        var (exit, output, _) = await _cli.RunAsync("config-check", "--config", file);

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Contains($"{file}:3:", output, StringComparison.Ordinal);
        Assert.Contains("    fix: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unwritable_data_dir_exits_1()
    {
        var blocker = Path.Combine(_cli.Root, "blocker");
        await File.WriteAllTextAsync(blocker, "a file");
        var file = _cli.WriteConfig($$"""actortrader.node.data-dir = "{{blocker}}/data" """);

        var (exit, output, _) = await _cli.RunAsync("config-check", "--config", file);

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains($"{blocker} is a file", output, StringComparison.Ordinal);
        Assert.Contains($"{file}:1:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_config_file_comes_from_ACTORTRADER_CONFIG_when_not_given()
    {
        var file = _cli.WriteCleanConfig("risk.max-position-weight = -1", "from-env.conf");
        _cli.Environment["ACTORTRADER_CONFIG"] = file;

        var (exit, output, _) = await _cli.RunAsync("config-check");

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains(file, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_config_file_exits_1_naming_it()
    {
        var (exit, output, _) = await _cli.RunAsync("config-check", "--config", "missing.conf");

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains(Path.Combine(_cli.Root, "missing.conf"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postgresql_journal_without_a_connection_string_prints_the_fix_and_exits_1()
    {
        var file = _cli.WriteCleanConfig("persistence.journal = postgresql");

        var (exit, output, _) = await _cli.RunAsync("config-check", "--config", file);

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains($"{file}:3:", output, StringComparison.Ordinal);
        Assert.Contains("    fix: Export ACTORTRADER_POSTGRES", output, StringComparison.Ordinal);
        Assert.Contains($"1 problem(s) in {file}.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_connection_string_password_is_never_printed()
    {
        _cli.Environment["ACTORTRADER_POSTGRES"] = "Host=localhost;Username=at;Password=TOPSECRET";
        // Another problem, so the command prints its report.
        var file = _cli.WriteCleanConfig("persistence { journal = postgresql, recovery.max-concurrent = 0 }");

        var (exit, output, error) = await _cli.RunAsync("config-check", "--config", file);

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains("recovery.max-concurrent", output, StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSECRET", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contradictory_scanner_in_the_scanners_dir_exits_1_naming_its_file_and_line()
    {
        var scanners = Directory.CreateDirectory(Path.Combine(_cli.Root, "scanners")).FullName;
        var scanner = Path.Combine(scanners, "bad.conf");
        await File.WriteAllTextAsync(scanner, "scanner {\n  name = bad\n  universe { symbols = [\"NYSE:IBM\"] }\n  filters { price { min = 10, max = 1 } }\n}\n");
        var file = _cli.WriteCleanConfig("data.scanners.dir = \"scanners\"");

        var (exit, output, _) = await _cli.RunAsync("config-check", "--config", file);

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains($"{scanner}:4:", output, StringComparison.Ordinal);
        Assert.Contains("is greater than max", output, StringComparison.Ordinal);
    }
}
