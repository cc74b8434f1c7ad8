using System.Text.Json.Nodes;
using ActorTrader.Hosting.Configuration;

namespace ActorTrader.Cli.Tests;

public sealed class ConfigShowTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private JsonNode Resolved(string file) =>
        JsonNode.Parse(ConfigLoader.Load(new ConfigSources { ConfigFile = file, Environment = _cli.Environment, WorkingDirectory = _cli.Root }).Config.ToJson())!;

    [Fact]
    public async Task Config_show_json_prints_exactly_the_resolved_config()
    {
        var file = _cli.WriteConfig("actortrader { node.name = from-file, risk.max-position-weight = 0.25 }");

        var (exit, output, _) = await _cli.RunAsync("config", "show", "--file", file, "--json");

        Assert.Equal(0, exit);
        var shown = JsonNode.Parse(output)!;
        Assert.True(JsonNode.DeepEquals(Resolved(file), shown), output);
        Assert.Equal("from-file", shown["actortrader"]!["node"]!["name"]!.GetValue<string>());
        Assert.Equal(0.25m, shown["actortrader"]!["risk"]!["max-position-weight"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Config_show_json_includes_environment_overrides()
    {
        var file = _cli.WriteConfig(string.Empty);
        _cli.Environment["ACTORTRADER__MANAGEMENT__PORT"] = "9123";

        var (_, output, _) = await _cli.RunAsync("config", "show", "--file", file, "--json");

        var shown = JsonNode.Parse(output)!;
        Assert.True(JsonNode.DeepEquals(Resolved(file), shown));
        Assert.Equal(9123, shown["actortrader"]!["management"]!["port"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_file_option_wins_over_the_global_config_option()
    {
        var global = _cli.WriteConfig("actortrader.node.name = global", "global.conf");
        var file = _cli.WriteConfig("actortrader.node.name = chosen", "chosen.conf");

        var (_, output, _) = await _cli.RunAsync("--config", global, "config", "show", "--file", file, "--json");

        Assert.Equal("chosen", JsonNode.Parse(output)!["actortrader"]!["node"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Plain_config_show_names_where_each_key_was_set()
    {
        var file = _cli.WriteConfig("actortrader.node.name = here");

        var (_, output, _) = await _cli.RunAsync("config", "show", "--file", file);

        Assert.Contains($"actortrader.node.name = \"here\"    # {file}:1:", output, StringComparison.Ordinal);
        Assert.Contains("actortrader.management.port = 8765    # reference.conf:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_show_never_prints_a_secret()
    {
        var file = _cli.WriteConfig(string.Empty);
        _cli.Environment["APCA_API_SECRET_KEY"] = "S3CRET-VALUE";

        var (_, json, _) = await _cli.RunAsync("config", "show", "--file", file, "--json");
        var (_, plain, _) = await _cli.RunAsync("config", "show", "--file", file);

        Assert.DoesNotContain("S3CRET-VALUE", json, StringComparison.Ordinal);
        Assert.DoesNotContain("S3CRET-VALUE", plain, StringComparison.Ordinal);
        Assert.Equal("***", JsonNode.Parse(json)!["actortrader"]!["broker"]!["alpaca"]!["secret-key"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_malformed_file_exits_1_with_its_position()
    {
        var file = _cli.WriteConfig("actortrader {\n  node.name = \"x\n}");

        var (exit, _, error) = await _cli.RunAsync("config", "show", "--file", file, "--json");

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains($"{file}:2:", error, StringComparison.Ordinal);
    }
}
