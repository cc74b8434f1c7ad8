using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Checking;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Hosting;
using ActorTrader.Node.Trading;
using ActorTrader.Persistence;
using Serilog.Core;

namespace ActorTrader.Node.Tests.Trading;

/// <summary>
/// The node refuses to start a live broker (alpaca, live = true) unless the live gate passes, and says which condition
/// failed; the bundled data is absent here, so the prices are synthetic, which a live broker never gets.
/// </summary>
public sealed class LiveStartTests : TestKit.TestKit, IDisposable
{
    private const string Token = "confirm-0123456789";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    private async Task<TradingStartException> StartLiveAsync(Dictionary<string, string?> environment, string extra = "")
    {
        var file = _dir.File("node.conf");
        await File.WriteAllTextAsync(file, $$"""
            actortrader {
              node { name = "live", data-dir = "{{_dir.File("data")}}" }
              management.port = 0
              broker { kind = alpaca, alpaca { live = true, base-url = "https://api.alpaca.markets" } }
              sleeves.dir = "{{TestData("hocon", "sleeves")}}"
              data.scanners.dir = "{{TestData("hocon", "scanners")}}"
              {{extra}}
            }
            """);
        var sources = new ConfigSources { ConfigFile = file, Environment = environment, WorkingDirectory = _dir.Path };
        var loaded = ConfigLoader.Load(sources);
        var settings = NodeSettings.FromConfig(loaded);
        var context = new TradingHostContext(Sys, loaded, sources, settings, new NodeArguments(file, []) { Mode = TradingMode.LiveClock }, CreateTestProbe().Ref,
            PersistenceSettings.Default, null, settings.Node.DataDir, TimeProvider.System, Logger.None, TextWriter.Null);
        return await Assert.ThrowsAsync<TradingStartException>(() => TradingHost.StartAsync(context, CancellationToken.None));
    }

    private static Dictionary<string, string?> Credentials(params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["APCA_API_KEY_ID"] = "key-id",
            ["APCA_API_SECRET_KEY"] = "secret-key",
            [LiveGate.TokenVariable] = Token,
        };
        foreach (var (name, value) in more) environment[name] = value;
        return environment;
    }

    [Fact]
    public async Task Without_LIVE_TRADING_and_the_confirmation_the_live_broker_is_refused_naming_both_with_exit_code_4()
    {
        var refused = await StartLiveAsync(Credentials());

        Assert.Equal(NodeHost.ExitLiveRefused, refused.ExitCode);
        Assert.Contains("LIVE_TRADING is not 1", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"{LiveGate.ConfirmVariable} is not set", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_confirmation_is_refused_without_showing_the_token()
    {
        var refused = await StartLiveAsync(Credentials(("LIVE_TRADING", "1"), (LiveGate.ConfirmVariable, "not-the-token")));

        Assert.Contains("does not match", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-token", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_every_confirmation_given_synthetic_data_still_keeps_the_live_broker_from_starting()
    {
        var refused = await StartLiveAsync(Credentials(("LIVE_TRADING", "1"), (LiveGate.ConfirmVariable, Token)));

        Assert.Equal(NodeHost.ExitLiveRefused, refused.ExitCode);
        Assert.Contains("synthetic data never reaches a live broker", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LIVE_TRADING", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("does not match", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trading_key_config_check_rejects_keeps_the_live_broker_from_starting()
    {
        var refused = await StartLiveAsync(Credentials(("LIVE_TRADING", "1"), (LiveGate.ConfirmVariable, Token)), "broker.paper.commission-bps = -1");

        Assert.Equal(NodeHost.ExitLiveRefused, refused.ExitCode);
        Assert.Contains("config-check found 1 problem(s)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replay_on_a_live_broker_is_refused()
    {
        var file = _dir.File("replay.conf");
        await File.WriteAllTextAsync(file, $$"""
            actortrader {
              node { name = "live", data-dir = "{{_dir.File("data")}}" }
              broker { kind = alpaca, alpaca.live = true }
              sleeves.dir = "{{TestData("hocon", "sleeves")}}"
            }
            """);
        var sources = new ConfigSources { ConfigFile = file, Environment = Credentials(), WorkingDirectory = _dir.Path };
        var loaded = ConfigLoader.Load(sources);
        var settings = NodeSettings.FromConfig(loaded);
        var context = new TradingHostContext(Sys, loaded, sources, settings, new NodeArguments(file, []) { Mode = TradingMode.Replay, Days = 2 }, CreateTestProbe().Ref,
            PersistenceSettings.Default, null, settings.TradingRun.ReplayDir, TimeProvider.System, Logger.None, TextWriter.Null);

        var refused = await Assert.ThrowsAsync<TradingStartException>(() => TradingHost.StartAsync(context, CancellationToken.None));

        Assert.Contains("paper broker only", refused.Message, StringComparison.Ordinal);
    }
}
