using System.Text.Json;

namespace ActorTrader.Cli.Tests.Research;

/// <summary>
/// A node directory whose journal holds one finished research run: <c>research start --json</c> on the planted market
/// (one strategy, 8 genomes, 2 generations), run once for the test class; the tests then read it back through the other
/// research commands, each in a process of its own as an operator would.
/// </summary>
public sealed class ResearchCliFixture : IAsyncLifetime
{
    public const string Strategy = "relative_volume_breakout";

    public const string Research = """
        # Port 0 and no endpoint file: no node is running, so the research commands run in this process.
        management.port = 0
        research {
          strategies = [relative_volume_breakout]
          generations = 2
          breeding.population-size = 8
          # Bars low enough for the planted market's short out-of-sample third (10 trades), so the candidate is validated
          # and live is refused for the reason under test: it has not run on paper.
          promotion { candidate-min-fitness = 1.0, min-trades = 5, significance = 0.2 }
          data { source = planted, in-sample-fraction = 0.6667 }
        }
        """;

    public CliHarness Cli { get; } = new();

    public int StartExit { get; private set; }

    public string StartOutput { get; private set; } = "";

    public string StartError { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Cli.Environment["ACTORTRADER_CONFIG"] = Cli.WriteCleanConfig(Research);
        (StartExit, StartOutput, StartError) = await Cli.RunAsync("research", "start", "--json");
    }

    public Task DisposeAsync()
    {
        Cli.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs the command and fails with its output unless it exits with <paramref name="expected"/>.</summary>
    public async Task<(string Out, string Error)> ExpectAsync(int expected, params string[] args)
    {
        var (exit, output, error) = await Cli.RunAsync(args);
        Assert.True(exit == expected, $"exit {exit}, expected {expected}{Environment.NewLine}stdout:{Environment.NewLine}{output}{Environment.NewLine}stderr:{Environment.NewLine}{error}");
        return (output, error);
    }

    public static JsonElement Json(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var document = JsonDocument.Parse(Assert.Single(lines));
        return document.RootElement.Clone();
    }
}
