namespace ActorTrader.Hocon.Tests.Support;

/// <summary>Parsing helpers for tests: no process environment unless a test passes one.</summary>
internal static class HoconText
{
    public static HoconParseOptions NoEnvironment { get; } = new() { UseEnvironment = false, SourceName = "test.conf" };

    public static Config Parse(string text) => ConfigurationFactory.ParseString(text, NoEnvironment);

    public static Config Parse(string text, IReadOnlyDictionary<string, string> environment) =>
        ConfigurationFactory.ParseString(text, NoEnvironment with { UseEnvironment = true, Environment = environment });

    public static HoconException ParseError(string text) =>
        Assert.ThrowsAny<HoconException>(() => ConfigurationFactory.ParseString(text, NoEnvironment));
}
