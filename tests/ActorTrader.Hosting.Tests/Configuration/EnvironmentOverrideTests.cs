using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Settings;

namespace ActorTrader.Hosting.Tests.Configuration;

public sealed class EnvironmentOverrideTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private LoadedConfig Load(string nodeConf, Dictionary<string, string?> environment, params string[] sets) =>
        ConfigLoader.Load(Sources.For(_dir, _dir.WriteConfig(nodeConf), environment, sets));

    [Theory]
    [InlineData("ACTORTRADER__MANAGEMENT__PORT", "actortrader.management.port")]
    [InlineData("ACTORTRADER__NODE__DATA_DIR", "actortrader.node.data-dir")]
    [InlineData("ACTORTRADER__STRATEGIES__MEAN_REVERSION__PARAMETERS__Z_WINDOW", "actortrader.strategies.mean_reversion.parameters.z_window")]
    [InlineData("ACTORTRADER__BACKTEST__WALK_FORWARD__TRAIN_BARS", "actortrader.backtest.walk-forward.train-bars")]
    [InlineData("ACTORTRADER__SHUTDOWN__PHASE_TIMEOUTS__DRAIN", "actortrader.shutdown.phase-timeouts.drain")]
    public void A_variable_name_maps_to_its_config_path(string variable, string path) =>
        Assert.Equal(path, ConfigOverride.PathFromVariable(variable));

    [Fact]
    public void An_environment_variable_overrides_the_node_file()
    {
        var loaded = Load("actortrader.management.port = 9000", new() { ["ACTORTRADER__MANAGEMENT__PORT"] = "0" });

        Assert.Equal(0, loaded.Config.GetInt("actortrader.management.port"));
        Assert.Contains("env ACTORTRADER__MANAGEMENT__PORT", loaded.Layers);
    }

    [Fact]
    public void A_set_argument_overrides_the_environment()
    {
        var loaded = Load(string.Empty, new() { ["ACTORTRADER__NODE__NAME"] = "from-env" }, "actortrader.node.name=from-set");

        Assert.Equal("from-set", loaded.Config.GetString("actortrader.node.name"));
    }

    [Fact]
    public void A_path_value_with_slashes_and_spaces_is_taken_as_a_string()
    {
        var loaded = Load(string.Empty, new() { ["ACTORTRADER__NODE__DATA_DIR"] = "/tmp/my state//x" });

        Assert.Equal("/tmp/my state//x", loaded.Config.GetString("actortrader.node.data-dir"));
    }

    [Fact]
    public void A_list_value_is_parsed_as_a_list()
    {
        var settings = NodeSettings.FromConfig(Load(string.Empty, new() { ["ACTORTRADER__NODE__ROLES"] = "[research, ingest]" }));

        Assert.Equal(["research", "ingest"], settings.Node.Roles);
    }

    [Fact]
    public void Variables_without_the_double_underscore_prefix_are_ignored()
    {
        var loaded = Load(string.Empty, new() { ["ACTORTRADER_CONFIG"] = "elsewhere.conf", ["ACTORTRADER_NODE__NAME"] = "x" });

        Assert.Equal("node-1", loaded.Config.GetString("actortrader.node.name"));
    }

    [Fact]
    public void A_set_argument_without_equals_is_rejected_with_the_fix()
    {
        var error = Assert.Throws<ConfigLoadException>(() => Load(string.Empty, new(), "actortrader.node.name"));

        Assert.Contains("key=value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_argument_outside_actortrader_is_rejected_with_the_full_path_as_fix()
    {
        var error = Assert.Throws<ConfigLoadException>(() => Load(string.Empty, new(), "management.port=0"));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("management.port", problem.Message, StringComparison.Ordinal);
        Assert.Equal("write the full path, e.g. --set actortrader.management.port=0.", problem.Fix);
    }

    [Fact]
    public void A_bad_environment_value_is_reported_at_the_variable_name()
    {
        var loaded = Load(string.Empty, new() { ["ACTORTRADER__MANAGEMENT__PORT"] = "99999" });

        var (_, problems) = NodeSettings.Read(loaded.Config, _dir.Path);

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.management.port", problem.Key);
        Assert.StartsWith("env ACTORTRADER__MANAGEMENT__PORT:", problem.Location, StringComparison.Ordinal);
    }
}
