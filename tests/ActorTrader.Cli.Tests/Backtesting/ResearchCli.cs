using System.Text.Json;

namespace ActorTrader.Cli.Tests.Backtesting;

/// <summary>
/// The CLI in-process over a temp directory set up for the research commands: data under the harness's data dir, no
/// bundled samples (so the embedded default data is synthetic), and a sleeves directory holding small test sleeves on
/// synthetic bars. Each test keeps its windows short so the whole class stays fast.
/// </summary>
public sealed class ResearchCli : IDisposable
{
    /// <summary>Mean reversion on six synthetic symbols over 250 daily bars; at least one candidate always passes.</summary>
    public const string QuickSleeve = """
        sleeve {
          description = "Test sleeve: mean reversion on synthetic bars."
          account = cash
          universe {
            symbols = ["NYSE:SYN00001", "NYSE:SYN00002", "NYSE:SYN00003", "NYSE:SYN00004", "NYSE:SYN00005", "NYSE:SYN00006"]
            source = synthetic
          }
          window { lookback-bars = 250, to = "2019-12-31" }
          strategies { mean_reversion { allocation = 1.0 } }
          selection { min-candidates = 1 }
        }
        """;

    /// <summary>Like <see cref="QuickSleeve"/> on other symbols with a shorter z-score window.</summary>
    public const string OtherSleeve = """
        sleeve {
          description = "Second test sleeve."
          universe {
            symbols = ["NYSE:SYN00011", "NYSE:SYN00012", "NYSE:SYN00013", "NYSE:SYN00014", "NYSE:SYN00015", "NYSE:SYN00016"]
            source = synthetic
          }
          window { lookback-bars = 250, to = "2019-12-31" }
          strategies { mean_reversion { allocation = 1.0, parameters { z_window = 10 } } }
          selection { min-candidates = 1 }
        }
        """;

    /// <summary>Selection thresholds no candidate can meet: the run stops with an empty universe.</summary>
    public const string ImpossibleSleeve = """
        sleeve {
          description = "Test sleeve whose selection thresholds nothing can meet."
          universe {
            symbols = ["NYSE:SYN00001", "NYSE:SYN00002", "NYSE:SYN00003"]
            source = synthetic
          }
          window { lookback-bars = 250, to = "2019-12-31" }
          strategies { mean_reversion {} }
          selection {
            min-candidates = 2
            levels = [ { min-sharpe = 50, max-drawdown = 0.0001, min-trades = 100000, min-hit-rate = 1.0 } ]
          }
        }
        """;

    private readonly CliHarness _cli = new();

    public ResearchCli(string extraConfig = "")
    {
        Directory.CreateDirectory(SleevesDir);
        WriteSleeve("quick", QuickSleeve);
        WriteSleeve("other", OtherSleeve);
        WriteSleeve("impossible", ImpossibleSleeve);
        ConfigFile = _cli.WriteCleanConfig($"sleeves.dir = \"{SleevesDir}\"\n{extraConfig}");
        _cli.Environment["ACTORTRADER_CONFIG"] = ConfigFile;
    }

    public string Root => _cli.Root;

    public string ConfigFile { get; }

    public string SleevesDir => Path.Combine(_cli.Root, "sleeves");

    public string RunsDir => Path.Combine(_cli.DataDir, "runs");

    public void WriteSleeve(string name, string text) => File.WriteAllText(Path.Combine(SleevesDir, name + ".conf"), text);

    public Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => _cli.RunAsync(args);

    /// <summary>Runs the command and fails with its output unless it exits with <paramref name="expected"/>.</summary>
    public async Task<(string Out, string Error)> ExpectAsync(int expected, params string[] args)
    {
        var (exit, output, error) = await _cli.RunAsync(args);
        Assert.True(exit == expected, $"exit {exit}, expected {expected}{Environment.NewLine}stdout:{Environment.NewLine}{output}{Environment.NewLine}stderr:{Environment.NewLine}{error}");
        return (output, error);
    }

    public string RunDirectory(string runId) => Path.Combine(RunsDir, runId);

    public static JsonElement ParseSingleObject(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        using var document = JsonDocument.Parse(lines[0]);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }

    public void Dispose() => _cli.Dispose();
}
