using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Settings;

namespace ActorTrader.Hosting.Tests.Configuration;

public sealed class NodeSettingsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private NodeSettings Load(string nodeConf, IReadOnlyDictionary<string, string?>? environment = null, params string[] sets) =>
        NodeSettings.FromConfig(ConfigLoader.Load(Sources.For(_dir, _dir.WriteConfig(nodeConf), environment, sets)));

    [Fact]
    public void An_empty_node_file_gets_every_default_from_reference_conf()
    {
        var settings = Load(string.Empty);

        Assert.Equal("node-1", settings.Node.Name);
        Assert.Equal(["trader"], settings.Node.Roles);
        Assert.Equal("127.0.0.1", settings.Management.Host);
        Assert.Equal(8765, settings.Management.Port);
        Assert.Equal(TimeSpan.FromSeconds(40), settings.Shutdown.Timeout);
        Assert.Equal(100, settings.Actors.DispatcherThroughput);
        Assert.Equal("paper", settings.Broker.Kind);
        Assert.Equal(0.10m, settings.Risk.MaxPositionWeight);
        Assert.Equal(7, settings.Logging.RetainedFiles);
    }

    [Fact]
    public void A_relative_data_dir_is_resolved_against_the_working_directory_and_state_files_against_the_data_dir()
    {
        var settings = Load("actortrader.node.data-dir = state");

        var dataDir = Path.Combine(_dir.Path, "state");
        Assert.Equal(dataDir, settings.Node.DataDir);
        Assert.Equal(Path.Combine(dataDir, "management.token"), settings.Management.TokenFile);
        Assert.Equal(Path.Combine(dataDir, "halt-state.json"), settings.Control.HaltFile);
        Assert.Equal(Path.Combine(dataDir, "kill-switch", "HALT"), settings.Control.KillSwitchFile);
        Assert.Equal(Path.Combine(dataDir, "errors.jsonl"), settings.Logging.ErrorsFile);
    }

    [Fact]
    public void Values_in_the_node_file_override_the_reference_defaults()
    {
        var settings = Load("""
            actortrader {
              node { name = "alpha", roles = [trader, research] }
              shutdown.phase-timeouts.drain = 2s
              actors.ask-timeout = 250ms
            }
            """);

        Assert.Equal("alpha", settings.Node.Name);
        Assert.Equal(["trader", "research"], settings.Node.Roles);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.Shutdown.PhaseTimeouts["drain"]);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.Actors.AskTimeout);
    }

    [Fact]
    public void Every_coordinated_shutdown_phase_gets_a_timeout()
    {
        var settings = Load(string.Empty);

        Assert.Equal(ActorTrader.Actors.CoordinatedShutdown.OrderedPhases.Order(), settings.Shutdown.PhaseTimeouts.Keys.Order());
    }

    [Fact]
    public void Credentials_come_from_the_environment_and_never_appear_in_ToString()
    {
        var settings = Load("actortrader.broker.kind = alpaca", new Dictionary<string, string?>
        {
            ["APCA_API_KEY_ID"] = "key-id-value",
            ["APCA_API_SECRET_KEY"] = "secret-value",
        });

        Assert.Equal("secret-value", settings.Broker.Alpaca.SecretKey);
        Assert.DoesNotContain("secret-value", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("key-id-value", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_fails_loading_with_its_key_and_position()
    {
        var error = Assert.Throws<ConfigLoadException>(() => Load("actortrader.management.port = 70000"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("actortrader.management.port", problem.Key);
        Assert.Equal(1, problem.Position?.Line);
        Assert.Contains("65535", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_node_file_is_named_with_the_fix()
    {
        var missing = _dir.File("nope.conf");

        var error = Assert.Throws<ConfigLoadException>(() => ConfigLoader.Load(Sources.For(_dir, missing)));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("--config", Assert.Single(error.Problems).Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_node_file_defaults_to_ACTORTRADER_CONFIG_then_hocon_node_conf()
    {
        var fromVariable = new ConfigSources { Environment = new Dictionary<string, string?> { ["ACTORTRADER_CONFIG"] = "x.conf" }, WorkingDirectory = _dir.Path };
        var byDefault = new ConfigSources { Environment = new Dictionary<string, string?>(), WorkingDirectory = _dir.Path };

        Assert.Equal(_dir.File("x.conf"), fromVariable.ResolveNodeFile().Path);
        Assert.Equal(Path.Combine(_dir.Path, "hocon", "node.conf"), byDefault.ResolveNodeFile().Path);
    }

    [Fact]
    public void The_dashboard_and_replay_watching_options_default_to_a_served_dashboard_and_a_replay_at_full_speed()
    {
        var settings = Load(string.Empty);

        Assert.True(settings.Management.Dashboard.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.Management.Dashboard.UpdateInterval);
        Assert.Equal(TimeSpan.Zero, settings.TradingRun.ReplayPace);
        Assert.False(settings.TradingRun.ReplayStay);
    }

    [Fact]
    public void A_replay_pace_and_stay_and_dashboard_settings_are_read_from_the_node_file()
    {
        var settings = Load("""
            actortrader.trading.run { replay-pace = 2s, replay-stay = on }
            actortrader.management.dashboard { enabled = off, update-interval = 3s, benchmark = "ARCA:SPY" }
            """);

        Assert.Equal(TimeSpan.FromSeconds(2), settings.TradingRun.ReplayPace);
        Assert.True(settings.TradingRun.ReplayStay);
        Assert.False(settings.Management.Dashboard.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.Management.Dashboard.UpdateInterval);
        Assert.Equal("ARCA:SPY", settings.Management.Dashboard.Benchmark);
    }

    [Fact]
    public void A_negative_replay_pace_and_a_minute_long_dashboard_interval_are_refused_with_the_key()
    {
        var error = Assert.Throws<ConfigLoadException>(() => Load("""
            actortrader.trading.run.replay-pace = -1s
            actortrader.management.dashboard.update-interval = 2m
            """));

        Assert.Contains("actortrader.trading.run.replay-pace", error.Message, StringComparison.Ordinal);
        Assert.Contains("actortrader.management.dashboard.update-interval", error.Message, StringComparison.Ordinal);
    }
}
