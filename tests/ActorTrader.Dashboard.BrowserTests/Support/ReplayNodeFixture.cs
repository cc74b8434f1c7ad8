using ActorTrader.Node.Tests.EndToEnd;

namespace ActorTrader.Dashboard.BrowserTests.Support;

/// <summary>
/// A real node in replay mode over the bundled samples (its own temp directory, a free port), kept serving after the
/// replay (replay-stay), and a headless Chromium; one per test class.
/// </summary>
public abstract class ReplayNodeFixture : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("actortrader-dashboard-").FullName;
    private NodeProcess? _node;
    private Browser? _browser;

    /// <summary>Trading days of the replay.</summary>
    protected abstract int Days { get; }

    /// <summary>Wall time between replay days.</summary>
    protected abstract TimeSpan Pace { get; }

    internal NodeFixturePaths Paths { get; private set; } = null!;

    internal NodeProcess Node => _node ?? throw new InvalidOperationException("The node is not started.");

    internal Browser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public Uri Url => new(Node.Endpoint.Url);

    public string Token => File.ReadAllText(Paths.TokenFile).Trim();

    public string ReplayFinishedLine => $"Replay finished: {Days}/{Days} days";

    private static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    public async Task InitializeAsync()
    {
        Paths = NodeFixturePaths.Create(_root);
        await File.AppendAllTextAsync(Paths.ConfigFile, $$"""

            actortrader {
              sleeves.dir = "{{TestData("hocon", "sleeves")}}"
              data.csv.dir = "{{TestData("samples")}}"
              trading.day.rebalance.long-only = off
              trading.run { replay-stay = on, replay-pace = {{(int)Pace.TotalMilliseconds}}ms }
            }
            """);
        _node = await NodeProcess.StartAsync(Paths, ["--replay", "--days", Days.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        _browser = await Browser.LaunchAsync();
        await StartedAsync();
    }

    /// <summary>What a fixture waits for once the node and the browser run.</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    /// <summary>The actortrader CLI against this node.</summary>
    internal Task<CliRun> CliAsync(params string[] args) => CliRun.RunAsync(_root, ["--config", Paths.ConfigFile, .. args]);

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        if (_node is not null)
        {
            if (!_node.HasExited) await _node.TerminateAsync(TimeSpan.FromSeconds(30));
            await _node.DisposeAsync();
        }
        Directory.Delete(_root, recursive: true);
    }
}

/// <summary>A replay that runs a day a second while the tests watch.</summary>
public sealed class RunningReplayFixture : ReplayNodeFixture
{
    protected override int Days => 20;

    protected override TimeSpan Pace => TimeSpan.FromSeconds(1);
}

/// <summary>A replay that has finished (the node keeps serving it): a state that does not move under the tests.</summary>
public sealed class FinishedReplayFixture : ReplayNodeFixture
{
    protected override int Days => 3;

    protected override TimeSpan Pace => TimeSpan.Zero;

    protected override Task StartedAsync() => Node.WaitForOutputAsync(o => o.Contains(ReplayFinishedLine, StringComparison.Ordinal), "the end of the replay");
}
