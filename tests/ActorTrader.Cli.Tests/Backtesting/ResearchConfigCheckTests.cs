namespace ActorTrader.Cli.Tests.Backtesting;

/// <summary>config-check over the strategies, backtest, sleeves and meta sections and the sleeve files.</summary>
public sealed class ResearchConfigCheckTests
{
    [Fact]
    public async Task A_bad_strategy_parameter_is_reported_at_its_line_with_the_range()
    {
        using var cli = new ResearchCli("strategies.mean_reversion.parameters.entry_z = 9");

        var (output, _) = await cli.ExpectAsync(ExitCodes.Problems, "config-check");

        Assert.Contains($"{cli.ConfigFile}:", output, StringComparison.Ordinal);
        Assert.Contains("entry_z = 9 is outside its range [1, 4]", output, StringComparison.Ordinal);
        Assert.Contains("1 problem(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_engine_in_a_sleeve_file_is_reported_at_its_line_with_the_closest_engine()
    {
        using var cli = new ResearchCli();
        cli.WriteSleeve("typo", ResearchCli.QuickSleeve.Replace("selection { min-candidates = 1 }", "selection { min-candidates = 1 }\n  optimisation { engines = [hrpp] }", StringComparison.Ordinal));

        var (output, _) = await cli.ExpectAsync(ExitCodes.Problems, "config-check");

        Assert.Contains(Path.Combine(cli.SleevesDir, "typo.conf") + ":11:", output, StringComparison.Ordinal);
        Assert.Contains("did you mean hrp?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_defined_meta_profile_is_accepted()
    {
        using var cli = new ResearchCli("meta.profiles.income { sleeves = [quick, other], optimizer = hrp, min-overlap = 30 }");

        var (output, _) = await cli.ExpectAsync(ExitCodes.Ok, "config-check");

        Assert.StartsWith("OK:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meta_profile_naming_a_sleeve_without_a_file_is_reported()
    {
        using var cli = new ResearchCli("meta.profiles.income { sleeves = [quick, ghost] }");

        var (output, _) = await cli.ExpectAsync(ExitCodes.Problems, "config-check");

        Assert.Contains("Meta profile \"income\" names sleeve \"ghost\"", output, StringComparison.Ordinal);
    }
}
