namespace ActorTrader.Cli.Tests.Research;

/// <summary><c>research start</c> in text mode: a line per generation, then the status; <c>research stop</c> is journaled.</summary>
public sealed class ResearchStartTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public ResearchStartTests() => _cli.Environment["ACTORTRADER_CONFIG"] = _cli.WriteCleanConfig(ResearchCliFixture.Research);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Start_prints_the_run_a_line_per_generation_and_the_final_status()
    {
        var (exit, output, error) = await _cli.RunAsync("research", "start", "--generations", "1");

        Assert.True(exit == ExitCodes.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches("^relative_volume_breakout: new run [0-9TZ-]+$", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("relative_volume_breakout: generation 1/2, best ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Research window:", StringComparison.Ordinal));
        Assert.Contains("idle", lines[^1]);
    }

    [Fact]
    public async Task Stop_journals_the_operators_stop_and_says_what_it_means()
    {
        var (exit, output, _) = await _cli.RunAsync("research", "stop");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.StartsWith("Research stopped for relative_volume_breakout;", output);
        Assert.Contains("until `actortrader research start`", output);
    }
}
