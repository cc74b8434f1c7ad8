namespace ActorTrader.Cli.Tests.Backtesting;

public sealed class MetaCommandTests : IDisposable
{
    private readonly ResearchCli _cli = new("""
        meta.profiles {
          pair { sleeves = [quick, other], min-overlap = 20 }
          broken { sleeves = [quick, ghost] }
        }
        """);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Two_healthy_sleeves_pass_and_the_report_path_is_printed()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, "meta", "run", "pair");

        Assert.Contains("Meta profile pair: PASS", output, StringComparison.Ordinal);
        Assert.Contains("meta-weights: other ", output, StringComparison.Ordinal);
        var report = output.Split('\n').Single(l => l.Contains("report: ", StringComparison.Ordinal)).Split("report: ")[1].Trim();
        Assert.Contains("PASS", File.ReadAllText(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_sleeve_fails_the_run_naming_the_sleeve_and_the_report_says_FAIL()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Problems, "meta", "run", "broken", "--json");

        var outcome = ResearchCli.ParseSingleObject(output);
        Assert.Equal("FAIL", outcome.GetProperty("status").GetString());
        Assert.Contains(outcome.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("ghost", StringComparison.Ordinal));
        Assert.False(outcome.GetProperty("completeness").GetProperty("passed").GetBoolean());
        Assert.Contains("FAIL", File.ReadAllText(outcome.GetProperty("report").GetString()!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_text_of_a_failed_run_lists_why()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Problems, "meta", "run", "broken");

        Assert.Contains("Meta profile broken: FAIL", output, StringComparison.Ordinal);
        Assert.Contains("There is no sleeve \"ghost\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_profile_is_a_usage_error_with_the_closest_name()
    {
        var (exit, _, error) = await _cli.RunAsync("meta", "run", "pairs");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Did you mean \"pair\"?", error, StringComparison.Ordinal);
    }
}
