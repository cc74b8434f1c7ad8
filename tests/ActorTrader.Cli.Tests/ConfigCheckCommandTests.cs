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
}
