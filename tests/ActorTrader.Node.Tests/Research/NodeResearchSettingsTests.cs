using ActorTrader.Hosting.Configuration;
using ActorTrader.Node.Research;

namespace ActorTrader.Node.Tests.Research;

/// <summary>How a research node reads its research, data and strategies sections.</summary>
public sealed class NodeResearchSettingsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private LoadedConfig Load(string research)
    {
        var file = _dir.File("node.conf");
        File.WriteAllText(file, $$"""
            actortrader {
              node { roles = [research], data-dir = "{{_dir.File("data")}}" }
              {{research}}
            }
            """);
        return ConfigLoader.Load(new ConfigSources { ConfigFile = file, Environment = new Dictionary<string, string?>(), WorkingDirectory = _dir.Path });
    }

    [Fact]
    public void Every_bad_research_value_is_reported_at_its_line_with_the_fix()
    {
        var loaded = Load("research { parallelism = 0, strategies = [nope] }");

        var problems = Assert.Throws<ConfigLoadException>(() => NodeResearchSettings.Read(loaded)).Problems;

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.StartsWith(_dir.File("node.conf") + ":", p.Location, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("actortrader.research.parallelism = 0 is out of range", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("Unknown strategy \"nope\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_window_that_is_switched_off_is_always_open()
    {
        var settings = NodeResearchSettings.Read(Load("research.window.enabled = off"));

        Assert.True(settings.Research.Window.IsOpen(new DateTimeOffset(2026, 11, 18, 15, 0, 0, TimeSpan.Zero)));
        Assert.Null(settings.Research.Window.NextChange(new DateTimeOffset(2026, 11, 18, 15, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_bad_data_section_stops_research_as_well()
    {
        var loaded = Load("data.provider = carrier-pigeon");

        var problems = Assert.Throws<ConfigLoadException>(() => NodeResearchSettings.Read(loaded)).Problems;

        Assert.Contains(problems, p => p.Message.Contains("actortrader.data.provider = \"carrier-pigeon\" is not a known provider", StringComparison.Ordinal));
    }
}
