namespace ActorTrader.Hocon.Tests.Includes;

public sealed class ResourceTests
{
    private static readonly string RootResource = typeof(ResourceTests).Assembly.GetManifestResourceNames().Single(n => n.EndsWith(".root.conf", StringComparison.Ordinal));

    [Fact]
    public void Embedded_resource_parses_and_includes_its_sibling_resources()
    {
        var config = ConfigurationFactory.FromResource(typeof(ResourceTests).Assembly, RootResource, new HoconParseOptions { UseEnvironment = false });

        Assert.Equal("resource", config.GetString("app.name"));
        Assert.Equal(3, config.GetInt("app.size"));
    }

    [Fact]
    public void Missing_resource_names_the_resource()
    {
        var error = Assert.ThrowsAny<HoconException>(() => ConfigurationFactory.FromResource(typeof(ResourceTests).Assembly, "nope.conf"));

        Assert.Contains("nope.conf", error.Message, StringComparison.Ordinal);
    }
}
