using System.Text.Json.Nodes;
using ActorTrader.Hosting.Configuration;

namespace ActorTrader.Hosting.Tests.Configuration;

public sealed class ConfigRenderingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Without_secrets_the_rendered_json_is_the_resolved_config()
    {
        var loaded = ConfigLoader.Load(Sources.For(_dir, _dir.WriteConfig("actortrader.node.name = x")));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(loaded.Config.ToJson(false)), ConfigRendering.ToJson(loaded.Config)));
    }

    [Fact]
    public void Credentials_are_rendered_as_stars()
    {
        var environment = new Dictionary<string, string?> { ["APCA_API_KEY_ID"] = "AKID", ["APCA_API_SECRET_KEY"] = "TOPSECRET" };
        var loaded = ConfigLoader.Load(Sources.For(_dir, _dir.WriteConfig(string.Empty), environment));

        var json = ConfigRendering.ToJson(loaded.Config);

        Assert.Equal("***", json["actortrader"]!["broker"]!["alpaca"]!["secret-key"]!.GetValue<string>());
        Assert.DoesNotContain("TOPSECRET", json.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ConfigRendering.Leaves(loaded.Config), l => l.Value.Contains("TOPSECRET", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_leaf_names_the_file_line_that_set_it()
    {
        var path = _dir.WriteConfig("\nactortrader.node.name = x");
        var loaded = ConfigLoader.Load(Sources.For(_dir, path));

        var leaf = Assert.Single(ConfigRendering.Leaves(loaded.Config), l => l.Key == "actortrader.node.name");

        Assert.Equal("\"x\"", leaf.Value);
        Assert.StartsWith($"{path}:2:", leaf.Position, StringComparison.Ordinal);
    }
}
